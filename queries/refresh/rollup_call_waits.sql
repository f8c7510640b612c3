-- rollup_call_waits: the wait-time histogram of calls, per local day (unit's time zone),
-- direction, queue, customer segment and outcome, in whole seconds rounded up (wait_s = 20
-- holds waits above 19 s up to 20 s). Rounding up makes "answered within T seconds" exact for
-- a whole-second threshold T (wait_s ≤ T ⇔ wait ≤ T), and percentiles exact to the second
-- (exact when the source records whole seconds, as call-centre logs do).
-- wait: wait_seconds, or answered_at − started_at when the source gives only the times;
-- wait_s is null when neither is known. wait_sum keeps the exact waits for averages.
-- Read by queries/kpi/service_level.sql and queries/kpi/wait_time.sql.
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build (src/lib/server/refresh/rollups.ts deletes and rebuilds those days' rows
-- on a load, or builds every day); $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants
-- that bound those days with a margin, a cheap cut that lets DuckDB skip row groups (the exact
-- cut is on the local day).
select
	k.local_day,
	k.direction,
	k.queue,
	c.segment,
	k.outcome,
	cast(ceil(k.wait) as integer) as wait_s,
	cast(count(*) as integer) as calls,
	cast(coalesce(sum(k.wait), 0) as double) as wait_sum
from (
	select *, cast(timezone($tz, started_at) as date) as local_day,
		coalesce(wait_seconds, case when answered_at is not null then greatest(0, epoch(answered_at - started_at)) end) as wait
	from calls
	where started_at >= cast($lo as timestamptz) and started_at < cast($hi as timestamptz)
) k
left join customers c on c.id = k.customer_id
where k.local_day between cast($from as date) and cast($to as date)
group by all
order by local_day
