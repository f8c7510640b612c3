-- heatmap: average count per day of each weekday and local hour over a period, for calls
-- (incoming) and tickets (opened): the weekday × hour heatmaps. Holidays are left out (a
-- Wednesday holiday is not an ordinary Wednesday); the unit's weekend days stay in.
-- Grain: metric × weekday (0 = Sunday … 6 = Saturday) × hour (0-23, the unit's local hour).
-- params: $from DATE, $to DATE
select
	metric,
	weekday,
	hour,
	cast(avg(actual) as double) as per_day,
	cast(count(*) as integer) as days
from peaks_hourly
where day between $from and $to and not holiday
group by all
order by metric, weekday, hour
