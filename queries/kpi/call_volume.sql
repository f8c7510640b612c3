-- call_volume: calls offered, answered and abandoned in a period, with the previous period of
-- the same length, per period of a grain and per queue; incoming and outbound calls apart
-- (direction is in every row, never summed across).
-- Definitions, per direction:
--   offered   = every call (incoming: every call that reached the line, answered or abandoned,
--               including callers who hung up before the service-level threshold)
--   answered  = outcome answered (outbound: the customer picked up); abandoned = outcome abandoned
--   answer_rate = answered / offered × 100;  abandonment_rate = abandoned / offered × 100
--   avg_talk_s  = talk seconds of answered calls / answered calls whose talk time is known
--   opened_case / follow_ups / case_unknown: calls that opened a case, did not, or the source did not say
-- Uncertainty (src/lib/server/kpi/stats.ts): a change of the answer or abandonment rate between
-- two periods is tested with the two-proportion z-test (pooled), significant at p < 0.05.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total',
-- 'period' (key = first day of the period, in the unit's calendar) or 'queue' (key = the queue;
-- null = none recorded). The previous period only has its totals. Read from rollup_calls_daily.
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR (day|week|month|quarter|year),
--         $segment, $queue VARCHAR (null: all)
with days as (
	select r.local_day, r.direction, r.queue,
		sum(r.calls) as offered, sum(r.answered) as answered, sum(r.abandoned) as abandoned,
		sum(r.opened_case) as opened_case, sum(r.follow_ups) as follow_ups, sum(r.case_unknown) as case_unknown,
		sum(r.answered_talks) as talked, sum(r.answered_talk_sum) as talk_seconds
	from rollup_calls_daily r
	where r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($queue is null or r.queue = $queue)
	group by all
),
base as (
	select
		case when d.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		d.*
	from days d
	join calendar_days c on c.day = d.local_day
),
-- Each row once per scope it counts in; the previous period only in its totals.
scoped as (
	select cohort, direction, 'total' as scope, null::varchar as key, offered, answered, abandoned, opened_case, follow_ups, case_unknown, talked, talk_seconds from base
	union all select cohort, direction, 'period', cast(period as varchar), offered, answered, abandoned, opened_case, follow_ups, case_unknown, talked, talk_seconds from base where cohort = 'current'
	union all select cohort, direction, 'queue', queue, offered, answered, abandoned, opened_case, follow_ups, case_unknown, talked, talk_seconds from base where cohort = 'current'
),
grouped as (
	select cohort, direction, scope, key,
		cast(sum(offered) as integer) as offered,
		cast(sum(answered) as integer) as answered,
		cast(sum(abandoned) as integer) as abandoned,
		cast(sum(opened_case) as integer) as opened_case,
		cast(sum(follow_ups) as integer) as follow_ups,
		cast(sum(case_unknown) as integer) as case_unknown,
		cast(sum(talked) as integer) as talked,
		cast(sum(talk_seconds) as double) as talk_seconds
	from scoped
	group by cohort, direction, scope, key
)
select cohort, direction, scope, key, offered, answered, abandoned, opened_case, follow_ups, case_unknown, talked,
	case when offered > 0 then 100.0 * answered / offered end as answer_rate,
	case when offered > 0 then 100.0 * abandoned / offered end as abandonment_rate,
	case when talked > 0 then talk_seconds / talked end as avg_talk_s
from grouped
order by cohort, direction, scope, key
