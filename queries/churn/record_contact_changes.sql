-- record_contact_changes: note each customer whose contact person (customers.contact_name)
-- differs from the last one the refresh saw; the first name seen for a customer is not a
-- change (initial). The churn model's "new contact person" reads the latest change when the
-- customers file has no contact_since column.
-- params: $now TIMESTAMPTZ (the moment of the refresh)
insert into customer_contact_changes (customer_id, contact_name, seen_at, initial)
select c.id, c.contact_name, cast($now as timestamptz), l.customer_id is null
from customers c
left join (
	select customer_id, arg_max(contact_name, seen_at) as contact_name
	from customer_contact_changes
	group by customer_id
) l on l.customer_id = c.id
where c.contact_name is not null
	and trim(c.contact_name) <> ''
	and (l.customer_id is null or lower(trim(l.contact_name)) <> lower(trim(c.contact_name)))
