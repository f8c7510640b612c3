-- customers_save: add to refresh_customer_dims the customers it does not list (new ones, and
-- those customers_forget dropped), as this refresh saw them.
-- params: none
insert into refresh_customer_dims
select c.id, c.segment, c.name
from customers c
where not exists (select 1 from refresh_customer_dims d where d.id = c.id)
