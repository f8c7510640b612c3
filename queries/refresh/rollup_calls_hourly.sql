-- rollup_calls_hourly: calls per local day, hour, direction, queue and customer segment in the
-- unit's time zone. Incoming (inbound) and outbound calls are separate rows: no reader adds them.
-- weekday: 0 = Sunday … 6 = Saturday (the UI orders weekdays by the unit's week start).
-- opened_case / follow_ups / case_unknown split calls by whether they opened a case
-- (true / false / not recorded by the source).
-- wait: the queue wait before an agent picked up (wait_seconds, or answered_at − started_at when
-- the source gives only the times); talk: talk_seconds. waits/talks count the answered calls
-- whose wait/talk is known, so averages divide by the calls they cover.
-- Wait-time distribution and service level come from rollup_call_waits.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_calls_hourly as
select
	cast(local_started as date) as local_day,
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
	select k.*, c.segment, timezone($tz, k.started_at) as local_started,
		coalesce(k.wait_seconds, case when k.answered_at is not null then greatest(0, epoch(k.answered_at - k.started_at)) end) as wait
	from calls k
	left join customers c on c.id = k.customer_id
)
group by all
order by local_day, hour
