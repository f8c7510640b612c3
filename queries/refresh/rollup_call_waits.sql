-- rollup_call_waits: the wait-time histogram of calls, per local day (unit's time zone),
-- direction, queue, customer segment and outcome, in whole seconds rounded up (wait_s = 20
-- holds waits above 19 s up to 20 s). Rounding up makes "answered within T seconds" exact for
-- a whole-second threshold T (wait_s ≤ T ⇔ wait ≤ T), and percentiles exact to the second
-- (exact when the source records whole seconds, as call-centre logs do).
-- wait: wait_seconds, or answered_at − started_at when the source gives only the times;
-- wait_s is null when neither is known. wait_sum keeps the exact waits for averages.
-- Read by queries/kpi/service_level.sql and queries/kpi/wait_time.sql.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_call_waits as
select
	cast(timezone($tz, k.started_at) as date) as local_day,
	k.direction,
	k.queue,
	c.segment,
	k.outcome,
	cast(ceil(k.wait) as integer) as wait_s,
	cast(count(*) as integer) as calls,
	cast(coalesce(sum(k.wait), 0) as double) as wait_sum
from (
	select *, coalesce(wait_seconds, case when answered_at is not null then greatest(0, epoch(answered_at - started_at)) end) as wait
	from calls
) k
left join customers c on c.id = k.customer_id
group by all
order by local_day
