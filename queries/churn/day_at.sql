-- day_at: the newest day the risk was computed on or before a day (null: none that early).
-- params: $day DATE
select cast(max(as_of) as varchar) as as_of from churn_risk_history where as_of <= cast($day as date)
