-- contact_days_prev: set prev_day (the customer's previous day in touch) on every day of the
-- customers who gained or lost a day in touch (churn_touched_customers): a day after the change
-- may now follow another one.
-- params: none
update churn_contact_days d
set prev_day = x.prev_day
from (
	select customer_id, day, lag(day) over (partition by customer_id order by day) as prev_day
	from churn_contact_days
	where customer_id in (select customer_id from churn_touched_customers)
) x
where d.customer_id = x.customer_id and d.day = x.day and d.prev_day is distinct from x.prev_day
