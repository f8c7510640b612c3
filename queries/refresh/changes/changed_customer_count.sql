-- changed_customer_count: how many customers' segment or name changed.
-- params: none
select cast(count(*) as integer) as n from refresh_changed_customers
