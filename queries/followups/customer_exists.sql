-- customer_exists: whether a customer id is known.
-- params: $id VARCHAR
select exists (select 1 from customers where id = $id) as found
