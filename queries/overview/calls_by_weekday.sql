-- calls_by_weekday: incoming calls in a period of local days by local weekday (0 = Sunday …
-- 6 = Saturday), split by whether the call opened a case: the load on the support line.
-- Weekdays without calls are absent; the domain layer fills them and puts them in the unit's
-- week order.
-- params: $from DATE, $to DATE
select
	weekday,
	cast(sum(calls) as integer) as calls,
	cast(sum(opened_case) as integer) as opened_case,
	cast(sum(follow_ups) as integer) as follow_ups,
	cast(sum(case_unknown) as integer) as case_unknown
from rollup_calls_hourly
where local_day between cast($from as date) and cast($to as date) and direction = 'inbound'
group by weekday
order by weekday
