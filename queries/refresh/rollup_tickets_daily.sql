-- rollup_tickets_daily: tickets opened per local day (unit's time zone), channel, category,
-- priority, team and customer segment (null: not recorded). The ticket KPIs and the ticket mix
-- (queries/kpi/tickets_opened.sql, queries/kpi/self_service_share.sql) are sums over it.
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build (src/lib/server/refresh/rollups.ts deletes and rebuilds those days' rows
-- on a load, or builds every day); $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants
-- that bound those days with a margin, a cheap cut that lets DuckDB skip row groups (the exact
-- cut is on the local day).
select
	t.local_day,
	t.channel,
	t.category,
	t.priority,
	t.team,
	c.segment,
	cast(count(*) as integer) as created
from (
	select *, cast(timezone($tz, created_at) as date) as local_day
	from tickets
	where created_at >= cast($lo as timestamptz) and created_at < cast($hi as timestamptz)
) t
left join customers c on c.id = t.customer_id
where t.local_day between cast($from as date) and cast($to as date)
group by all
order by local_day
