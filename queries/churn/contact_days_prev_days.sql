-- contact_days_prev_days: set prev_day on the rows of the days a refresh rebuilt
-- (refresh_touched): churn/contact_days_rows knows the previous day only within the days it
-- built, so each rebuilt row looks up its customer's latest earlier day in the whole table.
-- params: none
update churn_contact_days d
set prev_day = x.prev_day
from (
	select a.customer_id, a.day, b.day as prev_day
	from (select customer_id, day from churn_contact_days where day in (select day from refresh_touched)) a
	asof left join (select customer_id, day from churn_contact_days) b on a.customer_id = b.customer_id and a.day > b.day
) x
where d.customer_id = x.customer_id and d.day = x.day and d.prev_day is distinct from x.prev_day
