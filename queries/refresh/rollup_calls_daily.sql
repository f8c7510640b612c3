-- rollup_calls_daily: calls per local day (unit's time zone), direction, queue and customer
-- segment: rollup_calls_hourly without the hour, for the call volumes of
-- queries/kpi/call_volume.sql (many times fewer rows to read). Incoming and outbound calls are
-- separate rows. The columns mean what they mean in rollup_calls_hourly.
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build (src/lib/server/refresh/rollups.ts deletes and rebuilds those days' rows
-- on a load, or builds every day); $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants
-- that bound those days with a margin, a cheap cut that lets DuckDB skip row groups (the exact
-- cut is on the local day).
select
	local_day,
	direction,
	queue,
	segment,
	cast(count(*) as integer) as calls,
	cast(count(*) filter (where opened_case) as integer) as opened_case,
	cast(count(*) filter (where not opened_case) as integer) as follow_ups,
	cast(count(*) filter (where opened_case is null) as integer) as case_unknown,
	cast(count(*) filter (where outcome = 'answered') as integer) as answered,
	cast(count(*) filter (where outcome = 'abandoned') as integer) as abandoned,
	cast(count(talk_seconds) filter (where outcome = 'answered') as integer) as answered_talks,
	cast(coalesce(sum(talk_seconds) filter (where outcome = 'answered'), 0) as double) as answered_talk_sum
from (
	select k.*, c.segment
	from (
		select *, cast(timezone($tz, started_at) as date) as local_day
		from calls
		where started_at >= cast($lo as timestamptz) and started_at < cast($hi as timestamptz)
	) k
	left join customers c on c.id = k.customer_id
	where k.local_day between cast($from as date) and cast($to as date)
)
group by all
order by local_day
