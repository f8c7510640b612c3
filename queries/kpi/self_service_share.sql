-- self_service_share: the share of tickets opened through self-service channels (the knowledge
-- portal, the bot …: the setting kpi.selfServiceChannels), in a period, with the previous period
-- of the same length, and per period of a grain. What Gam Electronic and Soroush Plus watch: the
-- more questions the portal and the bot take, the fewer reach an agent.
-- Definition: share = self_service / tickets × 100, tickets = all tickets opened (local day of creation).
-- Uncertainty (src/lib/server/kpi/stats.ts): a change between two periods is tested with the
-- two-proportion z-test (pooled), significant at p < 0.05.
-- Rows: cohort 'current' / 'previous'; scope 'total' or 'period' (key = first day of the period).
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR, $self_service VARCHAR (a JSON
--         array of channel names), $segment, $team VARCHAR (null: all)
with days as (
	select
		r.local_day,
		coalesce(sum(r.created) filter (where list_contains(cast(json($self_service) as varchar[]), r.channel)), 0) as self_service,
		sum(r.created) as tickets
	from rollup_tickets_daily r
	where r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($team is null or r.team = $team)
	group by r.local_day
),
base as (
	select
		case when d.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		d.*
	from days d
	join calendar_days c on c.day = d.local_day
),
scoped as (
	select cohort, 'total' as scope, null::varchar as key, self_service, tickets from base
	union all select cohort, 'period', cast(period as varchar), self_service, tickets from base where cohort = 'current'
),
grouped as (
	select cohort, scope, key, cast(sum(self_service) as integer) as self_service, cast(sum(tickets) as integer) as tickets
	from scoped
	group by cohort, scope, key
)
select cohort, scope, key, self_service, tickets,
	case when tickets > 0 then 100.0 * self_service / tickets end as share
from grouped
order by cohort, scope, key
