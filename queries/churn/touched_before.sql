-- touched_before: the (customer, day) pairs in touch on the days the refresh rebuilds
-- (refresh_touched), before it rebuilds them.
-- params: none
insert into churn_days_before
select customer_id, day from churn_contact_days where day in (select day from refresh_touched)
