-- state: the churn step's bookkeeping values (model_hash: the model settings the history was built with).
-- params: none
select key, value from churn_state
