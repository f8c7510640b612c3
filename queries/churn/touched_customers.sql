-- touched_customers: the customers who gained or lost a day in touch among the days the refresh
-- rebuilt (the pairs before, churn_days_before, against those now): only their prev_day can
-- have changed (a day whose counts changed keeps its neighbours).
-- params: none
create or replace temp table churn_touched_customers as
with after as (
	select customer_id, day from churn_contact_days where day in (select day from refresh_touched)
)
select distinct customer_id
from ((select * from churn_days_before except select * from after) union all (select * from after except select * from churn_days_before))
