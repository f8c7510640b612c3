-- items_context: for the customers of a list, what the caller wants at hand: the last contact
-- (day and what), open tickets, and earlier follow-ups (how many, the last status and notes).
-- Grain: customer.  params: $ids VARCHAR (JSON array of customer ids)
with ids as (select unnest(from_json($ids, '["VARCHAR"]')) as customer_id)
select
	i.customer_id,
	(select cast(max(d.day) as varchar) from churn_contact_days d where d.customer_id = i.customer_id) as last_contact_day,
	(select cast(count(*) as integer) from tickets t where t.customer_id = i.customer_id and t.status not in ('resolved', 'closed')) as open_tickets,
	(select list(t.subject order by t.created_at) from tickets t where t.customer_id = i.customer_id and t.status not in ('resolved', 'closed')) as open_subjects,
	(select cast(count(*) as integer) from follow_ups f where f.customer_id = i.customer_id and f.status in ('reached', 'done')) as past_follow_ups,
	(select arg_max(f.status, coalesce(f.updated_at, f.created_at)) from follow_ups f where f.customer_id = i.customer_id and f.status in ('reached', 'done')) as last_status,
	(select cast(max(coalesce(f.reached_at, f.closed_at)) as varchar) from follow_ups f where f.customer_id = i.customer_id) as last_reached_at
from ids i
