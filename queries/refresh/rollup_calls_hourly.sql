-- rollup_calls_hourly: calls per local day, hour, direction, queue and customer segment in the
-- unit's time zone. Incoming (inbound) and outbound calls are separate rows: no reader adds them.
-- weekday: 0 = Sunday … 6 = Saturday (the UI orders weekdays by the unit's week start).
-- opened_case / follow_ups / case_unknown split calls by whether they opened a case
-- (true / false / not recorded by the source).
-- wait: the queue wait before an agent picked up (wait_seconds, or answered_at − started_at when
-- the source gives only the times); talk: talk_seconds. waits/talks count the answered calls
-- whose wait/talk is known, so averages divide by the calls they cover.
-- Wait-time distribution and service level come from rollup_call_waits.
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build (src/lib/server/refresh/rollups.ts deletes and rebuilds those days' rows
-- on a load, or builds every day); $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants
-- that bound those days with a margin, a cheap cut that lets DuckDB skip row groups (the exact
-- cut is on the local day).
select
	local_day,
	cast(dayofweek(local_started) as integer) as weekday,
	cast(hour(local_started) as integer) as hour,
	direction,
	queue,
	segment,
	cast(count(*) as integer) as calls,
	cast(count(*) filter (where opened_case) as integer) as opened_case,
	cast(count(*) filter (where not opened_case) as integer) as follow_ups,
	cast(count(*) filter (where opened_case is null) as integer) as case_unknown,
	cast(count(*) filter (where outcome = 'answered') as integer) as answered,
	cast(count(*) filter (where outcome = 'abandoned') as integer) as abandoned,
	cast(coalesce(sum(wait_seconds), 0) as double) as wait_seconds_sum,
	cast(coalesce(sum(talk_seconds), 0) as double) as talk_seconds_sum,
	cast(count(wait) filter (where outcome = 'answered') as integer) as answered_waits,
	cast(coalesce(sum(wait) filter (where outcome = 'answered'), 0) as double) as answered_wait_sum,
	cast(count(talk_seconds) filter (where outcome = 'answered') as integer) as answered_talks,
	cast(coalesce(sum(talk_seconds) filter (where outcome = 'answered'), 0) as double) as answered_talk_sum
from (
	select k.*, c.segment,
		coalesce(k.wait_seconds, case when k.answered_at is not null then greatest(0, epoch(k.answered_at - k.started_at)) end) as wait
	from (
		select *, cast(local_started as date) as local_day
		from (
			select *, timezone($tz, started_at) as local_started
			from calls
			where started_at >= cast($lo as timestamptz) and started_at < cast($hi as timestamptz)
		)
	) k
	left join customers c on c.id = k.customer_id
	where k.local_day between cast($from as date) and cast($to as date)
)
group by all
order by local_day, hour
