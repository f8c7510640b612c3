-- touched_clear: empty temp tables of the customers and tickets whose churn inputs a refresh rebuilds.
-- params: none
create or replace temp table churn_touched_customers (customer_id varchar)
