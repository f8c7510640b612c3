-- delete_history: forget the risk history (the model's settings changed: it is reconstructed).
-- params: none
delete from churn_risk_history
