-- rollup_tickets_daily: tickets opened per local day (unit's time zone), channel, category,
-- priority, team and customer segment (null: not recorded). The ticket KPIs and the ticket mix
-- (queries/kpi/tickets_opened.sql, queries/kpi/self_service_share.sql) are sums over it.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_tickets_daily as
select
	cast(timezone($tz, t.created_at) as date) as local_day,
	t.channel,
	t.category,
	t.priority,
	t.team,
	c.segment,
	cast(count(*) as integer) as created
from tickets t
left join customers c on c.id = t.customer_id
group by all
order by local_day
