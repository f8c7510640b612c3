-- delete_day: remove the risk computed for one day (it is computed again).
-- params: $as_of DATE
delete from churn_risk_history where as_of = cast($as_of as date)
