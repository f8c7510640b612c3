-- customer_open_tickets: one customer's tickets not yet resolved or closed, oldest first (cached
-- until the next load; how long each has been open is churn/open_days, at request time).
-- params: $id VARCHAR
select
	t.id, t.subject, t.category, t.priority, t.status, t.channel, t.created_at
from tickets t
where t.customer_id = $id and t.status not in ('resolved', 'closed')
order by t.created_at, t.id
