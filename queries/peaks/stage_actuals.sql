-- stage_actuals: the counts peaks are found in, on a dense grid (every metric, day of
-- peaks_days and hour 0-23, zero where nothing happened), with the running total of the day.
--   calls   = incoming calls (rollup_calls_hourly, direction inbound), by the hour they started
--   tickets = tickets opened (rollup_tickets_hourly), by the hour they were created
-- Hours are the unit's local hours (the rollups are built in its time zone).
-- params: none
create or replace temp table peaks_actuals as
with counts as (
	select 'calls' as metric, local_day as day, hour, sum(calls) as n
	from rollup_calls_hourly where direction = 'inbound' group by all
	union all
	select 'tickets', local_day, hour, sum(created) from rollup_tickets_hourly group by all
)
select
	m.metric,
	d.day,
	h.hour,
	d.weekday,
	d.holiday,
	cast(coalesce(c.n, 0) as double) as actual,
	cast(sum(coalesce(c.n, 0)) over (partition by m.metric, d.day order by h.hour) as double) as cum_actual
from peaks_days d
cross join (select cast(unnest(range(24)) as integer) as hour) h
cross join (values ('calls'), ('tickets')) m(metric)
left join counts c on c.metric = m.metric and c.day = d.day and c.hour = h.hour
