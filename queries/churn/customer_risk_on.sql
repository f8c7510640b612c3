-- customer_risk_on: one customer's score and status on one computed day.
-- params: $id VARCHAR, $as_of DATE
select score, status from churn_risk_history where customer_id = $id and as_of = cast($as_of as date)
