-- items_contacts: for the customers of a list, the last day in touch and the open tickets (how
-- many, their subjects oldest first). Each table is read once for all the list's customers (a
-- semi-join on the ids). Reads loaded and derived tables only (written in transactions): cached.
-- Grain: customer.  params: $ids VARCHAR (JSON array of customer ids)
with ids as (select distinct unnest(from_json($ids, '["VARCHAR"]')) as customer_id),
last_contact as (
	select d.customer_id, max(d.day) as day
	from churn_contact_days d
	where d.customer_id in (select customer_id from ids)
	group by d.customer_id
),
open_tickets as (
	select t.customer_id, count(*) as n, list(t.subject order by t.created_at) as subjects
	from tickets t
	where t.customer_id in (select customer_id from ids) and t.status not in ('resolved', 'closed')
	group by t.customer_id
)
select
	i.customer_id,
	cast(lc.day as varchar) as last_contact_day,
	cast(coalesce(o.n, 0) as integer) as open_tickets,
	o.subjects as open_subjects
from ids i
left join last_contact lc on lc.customer_id = i.customer_id
left join open_tickets o on o.customer_id = i.customer_id
