-- rollup_calls_hourly: calls per local day, hour and direction in the unit's time zone.
-- weekday: 0 = Sunday … 6 = Saturday (the UI orders weekdays by the unit's week start).
-- opened_case / follow_ups / case_unknown split calls by whether they opened a case
-- (true / false / not recorded by the source).
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_calls_hourly as
select
	cast(local_started as date) as local_day,
	cast(dayofweek(local_started) as integer) as weekday,
	cast(hour(local_started) as integer) as hour,
	direction,
	cast(count(*) as integer) as calls,
	cast(count(*) filter (where opened_case) as integer) as opened_case,
	cast(count(*) filter (where not opened_case) as integer) as follow_ups,
	cast(count(*) filter (where opened_case is null) as integer) as case_unknown,
	cast(count(*) filter (where outcome = 'answered') as integer) as answered,
	cast(count(*) filter (where outcome = 'abandoned') as integer) as abandoned,
	cast(coalesce(sum(wait_seconds), 0) as double) as wait_seconds_sum,
	cast(coalesce(sum(talk_seconds), 0) as double) as talk_seconds_sum
from (select *, timezone($tz, started_at) as local_started from calls)
group by all
order by local_day, hour
