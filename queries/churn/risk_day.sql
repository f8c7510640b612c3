-- risk_day: every customer's risk row on one computed day.
-- params: $as_of DATE
select * exclude (computed_at) from churn_risk_history where as_of = cast($as_of as date) order by customer_id
