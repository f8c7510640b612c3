-- state_value: one bookkeeping value of the churn step (null row: not set).
-- params: $key VARCHAR
select value from churn_state where key = $key
