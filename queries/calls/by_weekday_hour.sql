-- by_weekday_hour: incoming calls in a period of local days by local weekday (0 = Sunday …
-- 6 = Saturday) and hour (0-23) in the unit's time zone, split by whether the call opened a
-- case. Only cells with calls are returned; the domain layer fills the rest, orders weekdays in
-- the unit's week order and turns totals into averages per day of each weekday. Outbound calls
-- are the care unit's own and are not load on the support line.
-- params: $from DATE, $to DATE, $segment, $queue VARCHAR (null: all)
select
	weekday,
	hour,
	cast(sum(calls) as integer) as calls,
	cast(sum(opened_case) as integer) as opened_case,
	cast(sum(follow_ups) as integer) as follow_ups,
	cast(sum(case_unknown) as integer) as case_unknown
from rollup_calls_hourly
where direction = 'inbound'
	and local_day between cast($from as date) and cast($to as date)
	and ($segment is null or segment = $segment)
	and ($queue is null or queue = $queue)
group by weekday, hour
order by weekday, hour
