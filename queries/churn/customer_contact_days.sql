-- customer_contact_days: one customer's days in touch from a day on, with the gap since the
-- previous one and what the contacts were (the rhythm chart of the customer page).
-- Grain: day.  params: $id VARCHAR, $from DATE, $to DATE
select
	cast(day as varchar) as day,
	cast(day - prev_day as integer) as gap,
	tickets, calls, answers
from churn_contact_days
where customer_id = $id and day >= cast($from as date) and day <= cast($to as date)
order by day
