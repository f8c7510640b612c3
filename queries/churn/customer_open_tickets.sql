-- customer_open_tickets: one customer's tickets not yet resolved or closed, oldest first, with
-- how many days they have been open.
-- params: $id VARCHAR
select
	t.id, t.subject, t.category, t.priority, t.status, t.channel, t.created_at,
	cast(date_diff('day', t.created_at, now()) as integer) as open_days
from tickets t
where t.customer_id = $id and t.status not in ('resolved', 'closed')
order by t.created_at
