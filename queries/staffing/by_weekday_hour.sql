-- by_weekday_hour: incoming calls and the agents who took them, per weekday and local hour
-- over a period, as totals and the number of days they are spread over (every day of that
-- weekday in the period, holidays left out, days with no calls counted as zero).
--   offered, answered, abandoned, answered_within: see staffing/build_hourly
--   agent_hours = the sum over days of the distinct agents who answered calls in that hour
-- Grain: weekday (0 = Sunday … 6 = Saturday) × hour. params: $from DATE, $to DATE,
-- $queue VARCHAR (null: all queues together)
with days as (
	select day, weekday from calendar_days where day between $from and $to and not holiday
),
calls as (
	select *
	from staffing_hourly
	where local_day between $from and $to
		and (case when $queue is null then all_queues else not all_queues and queue = $queue end)
)
select
	d.weekday,
	h.hour,
	cast(count(*) as integer) as days,
	cast(coalesce(sum(c.offered), 0) as integer) as offered,
	cast(coalesce(sum(c.answered), 0) as integer) as answered,
	cast(coalesce(sum(c.abandoned), 0) as integer) as abandoned,
	cast(coalesce(sum(c.answered_within), 0) as integer) as answered_within,
	cast(coalesce(sum(c.handle_seconds), 0) as double) as handle_seconds,
	cast(coalesce(sum(c.handled), 0) as integer) as handled,
	cast(coalesce(sum(c.agents), 0) as integer) as agent_hours
from days d
cross join (select cast(unnest(range(24)) as integer) as hour) h
left join calls c on c.local_day = d.day and c.hour = h.hour
group by d.weekday, h.hour
order by d.weekday, h.hour
