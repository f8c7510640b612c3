-- wait_time: how long answered incoming calls waited in the queue before an agent picked up, in
-- a period, with the previous period of the same length, and per period of a grain.
-- Definitions (over answered incoming calls whose wait is known: the "speed of answer"):
--   avg_wait_s = sum of waits / answered calls with a known wait (exact seconds)
--   p90_wait_s = the 90th percentile by nearest rank: the smallest wait w such that at least 90%
--                of those calls waited w seconds or less, from the histogram in whole seconds
--                rounded up (exact for sources that record whole seconds)
--   queued / abandoned_queued = incoming calls that waited in the queue at all (wait > 0) and,
--                of them, those abandoned there (a caller who hangs up in the phone menu never queued)
-- Abandoned calls are not in the averages: their wait is how long a caller gave up after.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total' or
-- 'period' (key = first day of the period, in the unit's calendar). Read from rollup_call_waits.
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR, $segment, $queue VARCHAR (null: all)
with base as (
	select
		case when r.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		r.outcome, r.wait_s, r.calls, r.wait_sum
	from rollup_call_waits r
	join calendar_days c on c.day = r.local_day
	where r.direction = 'inbound'
		and r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($queue is null or r.queue = $queue)
),
histogram as (
	select
		cohort,
		case when grouping(period) = 0 then 'period' else 'total' end as scope,
		cast(period as varchar) as key,
		wait_s,
		sum(calls) filter (where outcome = 'answered') as answered,
		sum(wait_sum) filter (where outcome = 'answered') as wait_sum,
		sum(calls) filter (where wait_s > 0) as queued,
		sum(calls) filter (where wait_s > 0 and outcome = 'abandoned') as abandoned_queued
	from base
	group by grouping sets ((cohort, wait_s), (cohort, period, wait_s))
),
cumulative as (
	select *,
		sum(answered) over (partition by cohort, scope, key order by wait_s rows between unbounded preceding and current row) as running,
		sum(answered) over (partition by cohort, scope, key) as total
	from histogram
	where wait_s is not null
)
select
	cohort, scope, key,
	cast(coalesce(sum(answered), 0) as integer) as answered,
	case when sum(answered) > 0 then sum(wait_sum) / sum(answered) end as avg_wait_s,
	cast(min(wait_s) filter (where answered > 0 and running * 10 >= total * 9) as integer) as p90_wait_s,
	cast(coalesce(sum(queued), 0) as integer) as queued,
	cast(coalesce(sum(abandoned_queued), 0) as integer) as abandoned_queued
from cumulative
where cohort = 'current' or scope = 'total'
group by cohort, scope, key
order by cohort, scope, key
