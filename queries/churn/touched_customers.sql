-- touched_customers: the customers in touch on a day the refresh rebuilds (refresh_touched), as
-- churn_contact_days has them now; run before and after the rebuild, so a customer who lost or
-- gained a day there is listed (its prev_day may change on the days after).
-- params: none
insert into churn_touched_customers
select distinct customer_id
from churn_contact_days
where day in (select day from refresh_touched)
	and customer_id not in (select customer_id from churn_touched_customers)
