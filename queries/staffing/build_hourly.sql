-- build_hourly (staffing_hourly): incoming calls per local day and hour (unit's time zone),
-- per queue and for all queues together (all_queues = true), with what staffing needs:
--   offered    = calls that reached the queue: answered, or abandoned after waiting
--                (wait_seconds > 0 or not recorded); a caller who hung up in the IVR with no
--                wait was never offered to an agent
--   answered, abandoned (of the offered), answered_within = answered with wait ≤ $threshold s
--   handle_seconds = talk seconds of the answered calls with a talk time (handled counts them)
--   agents     = distinct agents who answered a call that started in the hour: the staff who
--                actually took calls then (distinct per grouping, so never summed across queues)
-- Built per local day like the rollups (src/lib/server/refresh/rollups.ts): a load rebuilds only
-- the days it touched.
-- params: $tz VARCHAR, $threshold DOUBLE (the service-level threshold in seconds); $from, $to
-- VARCHAR (DATE or ±infinity): the local days to build; $lo, $hi VARCHAR (TIMESTAMPTZ or
-- ±infinity): instants bounding those days with a margin (see queries/refresh/rollup_calls_daily.sql)
select
	local_day,
	cast(hour(local_started) as integer) as hour,
	grouping(queue) = 1 as all_queues,
	case when grouping(queue) = 1 then null else coalesce(queue, '') end as queue,
	cast(count(*) as integer) as offered,
	cast(count(*) filter (where outcome = 'answered') as integer) as answered,
	cast(count(*) filter (where outcome = 'abandoned') as integer) as abandoned,
	cast(count(*) filter (where outcome = 'answered' and coalesce(wait_seconds, 0) <= $threshold) as integer) as answered_within,
	cast(coalesce(sum(talk_seconds) filter (where outcome = 'answered'), 0) as double) as handle_seconds,
	cast(count(talk_seconds) filter (where outcome = 'answered') as integer) as handled,
	cast(count(distinct agent) filter (where outcome = 'answered') as integer) as agents
from (
	select *, cast(local_started as date) as local_day
	from (
		select *, timezone($tz, started_at) as local_started
		from calls
		where direction = 'inbound' and (outcome = 'answered' or wait_seconds is null or wait_seconds > 0)
			and started_at >= cast($lo as timestamptz) and started_at < cast($hi as timestamptz)
	)
)
where local_day between cast($from as date) and cast($to as date)
group by grouping sets ((local_day, hour), (local_day, hour, queue))
order by local_day, hour
