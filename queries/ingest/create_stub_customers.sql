-- create_stub_customers: a customer named by a staged row but not (yet) loaded gets a stub
-- row, so per-customer views see it; loading the customer later fills it in (is_stub false).
-- params: $file_id INTEGER
insert into customers (id, name, is_stub, source_file_id)
select distinct customer_id, customer_id, true, $file_id
from stage
where customer_id is not null
on conflict (id) do nothing
