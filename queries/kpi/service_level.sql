-- service_level: the share of offered incoming calls answered within a threshold, in a period,
-- with the previous period of the same length, and per period of a grain.
-- Definition: service_level = answered_within / offered × 100, where
--   answered_within = incoming calls answered after a queue wait of at most $threshold seconds
--   offered         = incoming calls answered or abandoned. Calls abandoned before the threshold
--                     ("short abandons") count in offered and not in answered_within: a caller who
--                     gave up after 10 s was not served within 20 s. Answered calls whose wait is
--                     not recorded cannot be judged and are left out of both (unknown_wait).
-- The threshold is the setting kpi.serviceLevelSeconds (default 20 s); waits are whole seconds
-- rounded up (rollup_call_waits), so "within 20 s" means a wait of at most 20 s.
-- Uncertainty (src/lib/server/kpi/stats.ts): a change between two periods is tested with the
-- two-proportion z-test (pooled), significant at p < 0.05.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total' or
-- 'period' (key = first day of the period, in the unit's calendar). Read from rollup_call_waits.
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR, $threshold INTEGER (seconds),
--         $segment, $queue VARCHAR (null: all)
with base as (
	select
		case when r.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		r.outcome, r.wait_s, r.calls
	from rollup_call_waits r
	join calendar_days c on c.day = r.local_day
	where r.direction = 'inbound'
		and r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($queue is null or r.queue = $queue)
),
grouped as (
	select
		cohort,
		case when grouping(period) = 0 then 'period' else 'total' end as scope,
		cast(period as varchar) as key,
		cast(coalesce(sum(calls) filter (where outcome = 'answered' and wait_s <= cast($threshold as integer)), 0) as integer) as answered_within,
		cast(coalesce(sum(calls) filter (where outcome = 'abandoned' or wait_s is not null), 0) as integer) as offered,
		cast(coalesce(sum(calls) filter (where outcome = 'answered' and wait_s is null), 0) as integer) as unknown_wait
	from base
	group by grouping sets ((cohort), (cohort, period))
)
select cohort, scope, key, answered_within, offered, unknown_wait,
	case when offered > 0 then 100.0 * answered_within / offered end as service_level
from grouped
where cohort = 'current' or scope = 'total'
order by cohort, scope, key
