-- items_context: for the customers of a list, their earlier follow-ups (how many were reached or
-- done, the last status, when last reached). The last contact and open tickets are
-- followups/items_contacts (cached: they change only with a load).
-- Grain: customer.  params: $ids VARCHAR (JSON array of customer ids)
with ids as (select distinct unnest(from_json($ids, '["VARCHAR"]')) as customer_id),
past as (
	select f.customer_id,
		count(*) filter (where f.status in ('reached', 'done')) as n,
		arg_max(f.status, coalesce(f.updated_at, f.created_at)) filter (where f.status in ('reached', 'done')) as last_status,
		max(coalesce(f.reached_at, f.closed_at)) as last_reached_at
	from follow_ups f
	where f.customer_id in (select customer_id from ids)
	group by f.customer_id
)
select
	i.customer_id,
	cast(coalesce(p.n, 0) as integer) as past_follow_ups,
	p.last_status,
	cast(p.last_reached_at as varchar) as last_reached_at
from ids i
left join past p on p.customer_id = i.customer_id
