-- contact_days_prev_days: set prev_day on the first rebuilt day of each customer in a run of days
-- the refresh rebuilt ($from … $to): churn/contact_days_rows knows the previous day only within
-- the run (so later days in it are right, and the first is null), and it is the customer's
-- latest day in touch before the run.
-- params: $from VARCHAR, $to VARCHAR (the run's first and last local day)
update churn_contact_days d
set prev_day = p.prev_day
from (
	select customer_id, max(day) as prev_day
	from churn_contact_days
	where day < cast($from as date)
	group by customer_id
) p
where d.day between cast($from as date) and cast($to as date)
	and d.prev_day is null
	and d.customer_id = p.customer_id
