-- touched_clear: empty the temp table of the (customer, day) pairs in touch on the days a
-- refresh rebuilds, as they were before it.
-- params: none
create or replace temp table churn_days_before (customer_id varchar, day date)
