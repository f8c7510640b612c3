-- window_tickets: the tickets opened in a peak's window, one page, in a chosen order.
-- params: $from_at, $to_at VARCHAR (instants, the window; to excluded), $sort VARCHAR
--         (created | priority | category | channel; allow-listed in TS), $dir VARCHAR (asc | desc),
--         $limit INTEGER, $offset INTEGER
select
	t.id,
	cast(t.created_at as varchar) as created_at,
	t.customer_id,
	cu.name as customer_name,
	t.channel,
	t.category,
	t.priority,
	t.status,
	t.subject
from tickets t
left join customers cu on cu.id = t.customer_id
where t.created_at >= cast($from_at as timestamptz) and t.created_at < cast($to_at as timestamptz)
order by
	case when $dir = 'asc' then
		case $sort
			when 'priority' then case t.priority when 'critical' then '0' when 'high' then '1' when 'normal' then '2' when 'low' then '3' else '4' end
			when 'category' then t.category
			when 'channel' then t.channel
			else cast(t.created_at as varchar)
		end
	end asc nulls last,
	case when $dir = 'desc' then
		case $sort
			when 'priority' then case t.priority when 'critical' then '0' when 'high' then '1' when 'normal' then '2' when 'low' then '3' else '4' end
			when 'category' then t.category
			when 'channel' then t.channel
			else cast(t.created_at as varchar)
		end
	end desc nulls last,
	t.created_at,
	t.id
limit $limit offset $offset
