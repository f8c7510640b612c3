-- customer_risk: one customer's risk facts and contributions on each day computed, newest
-- first (the customer page shows the newest, its change since last week and the score over time).
-- Grain: day.  params: $id VARCHAR
select r.* exclude (computed_at)
from churn_risk_history r
where r.customer_id = $id
order by r.as_of desc
