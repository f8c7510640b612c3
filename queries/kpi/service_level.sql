-- service_level: the share of offered incoming calls answered within a threshold, in a period,
-- with the previous period of the same length, and per period of a grain.
-- Definition: service_level = answered_within / offered × 100, where
--   answered_within = incoming calls answered after a queue wait of at most $threshold seconds
--   offered         = incoming calls answered or abandoned. Calls abandoned before the threshold
--                     ("short abandons") count in offered and not in answered_within: a caller who
--                     gave up after 10 s was not served within 20 s. Answered calls whose wait is
--                     not recorded cannot be judged and are left out of both (unknown_wait).
-- The threshold is the setting staffing.thresholdSeconds (default 20 s; the same target as the Staffing page); waits are whole seconds
-- rounded up (rollup_call_waits), so "within 20 s" means a wait of at most 20 s.
-- Uncertainty (src/lib/server/kpi/stats.ts): a change between two periods is tested with the
-- two-proportion z-test (pooled), significant at p < 0.05.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total' or
-- 'period' (key = first day of the period, in the unit's calendar). Read from rollup_call_waits.
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR, $threshold INTEGER (seconds),
--         $segment, $queue VARCHAR (null: all)
with days as (
	select r.local_day,
		coalesce(sum(r.calls) filter (where r.outcome = 'answered' and r.wait_s <= cast($threshold as integer)), 0) as answered_within,
		coalesce(sum(r.calls) filter (where r.outcome = 'abandoned' or r.wait_s is not null), 0) as offered,
		coalesce(sum(r.calls) filter (where r.outcome = 'answered' and r.wait_s is null), 0) as unknown_wait
	from rollup_call_waits r
	where r.direction = 'inbound'
		and r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($queue is null or r.queue = $queue)
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
	select cohort, 'total' as scope, null::varchar as key, answered_within, offered, unknown_wait from base
	union all select cohort, 'period', cast(period as varchar), answered_within, offered, unknown_wait from base where cohort = 'current'
),
grouped as (
	select cohort, scope, key,
		cast(sum(answered_within) as integer) as answered_within,
		cast(sum(offered) as integer) as offered,
		cast(sum(unknown_wait) as integer) as unknown_wait
	from scoped
	group by cohort, scope, key
)
select cohort, scope, key, answered_within, offered, unknown_wait,
	case when offered > 0 then 100.0 * answered_within / offered end as service_level
from grouped
order by cohort, scope, key
