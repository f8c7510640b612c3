-- window_tickets: the tickets opened in a peak's window, one page, in a chosen order.
-- params: $from_at, $to_at VARCHAR (instants, the window; to excluded), $sort VARCHAR
--         (created | priority | category | channel; allow-listed in TS), $dir VARCHAR (asc | desc),
--         $limit INTEGER, $offset INTEGER
with page as (
	select
		t.*,
		case $sort
			when 'priority' then case t.priority when 'critical' then '0' when 'high' then '1' when 'normal' then '2' when 'low' then '3' else '4' end
			when 'category' then t.category
			when 'channel' then t.channel
			else lpad(cast(epoch_ms(t.created_at) as varchar), 16, '0')
		end as sort_key
	from tickets t
	where t.created_at >= cast($from_at as timestamptz) and t.created_at < cast($to_at as timestamptz)
)
select
	p.id,
	cast(p.created_at as varchar) as created_at,
	p.customer_id,
	cu.name as customer_name,
	p.channel,
	p.category,
	p.priority,
	p.status,
	p.subject
from page p
left join customers cu on cu.id = p.customer_id
order by
	case when $dir = 'asc' then p.sort_key end asc nulls last,
	case when $dir = 'desc' then p.sort_key end desc nulls last,
	p.created_at,
	p.id
limit $limit offset $offset
