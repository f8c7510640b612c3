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
with days as (
	select r.local_day, r.wait_s,
		sum(r.calls) filter (where r.outcome = 'answered') as answered,
		sum(r.wait_sum) filter (where r.outcome = 'answered') as wait_sum,
		sum(r.calls) filter (where r.wait_s > 0) as queued,
		sum(r.calls) filter (where r.wait_s > 0 and r.outcome = 'abandoned') as abandoned_queued
	from rollup_call_waits r
	where r.direction = 'inbound'
		and r.wait_s is not null
		and r.local_day between cast($prev_from as date) and cast($to as date)
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
-- The histogram of each scope: the previous period only as a whole.
histogram as (
	select cohort, scope, key, wait_s, sum(answered) as answered, sum(wait_sum) as wait_sum, sum(queued) as queued, sum(abandoned_queued) as abandoned_queued
	from (
		select cohort, 'total' as scope, null::varchar as key, wait_s, answered, wait_sum, queued, abandoned_queued from base
		union all select cohort, 'period', cast(period as varchar), wait_s, answered, wait_sum, queued, abandoned_queued from base where cohort = 'current'
	)
	group by cohort, scope, key, wait_s
),
cumulative as (
	select *,
		sum(answered) over (partition by cohort, scope, key order by wait_s rows between unbounded preceding and current row) as running,
		sum(answered) over (partition by cohort, scope, key) as total
	from histogram
)
select
	cohort, scope, key,
	cast(coalesce(sum(answered), 0) as integer) as answered,
	case when sum(answered) > 0 then sum(wait_sum) / sum(answered) end as avg_wait_s,
	cast(min(wait_s) filter (where answered > 0 and running * 10 >= total * 9) as integer) as p90_wait_s,
	cast(coalesce(sum(queued), 0) as integer) as queued,
	cast(coalesce(sum(abandoned_queued), 0) as integer) as abandoned_queued
from cumulative
group by cohort, scope, key
order by cohort, scope, key
