-- changed_customers: customers whose segment or name (the fields the rollups copy onto rows)
-- differ from what the last refresh saw, or that are gone. A customer new since then is not
-- listed: rows naming it are new too (the ingest writes a customer, or a stub, with the rows
-- that name it), so their days are rebuilt anyway.
-- params: none
create or replace temp table refresh_changed_customers as
select d.id
from refresh_customer_dims d
left join customers c on c.id = d.id
where c.id is null or c.segment is distinct from d.segment or c.name is distinct from d.name
