-- daily: each day's total against its usual level and band (the running total at 23:00 of
-- peaks_hourly; today: the total so far against the whole day's band).
-- Grain: metric × local day. params: $from DATE, $to DATE, $metric VARCHAR (null: both)
select
	p.metric,
	cast(p.day as varchar) as day,
	d.day_kind,
	p.cum_actual as actual,
	p.cum_expected as expected,
	p.cum_lower as lower,
	p.cum_upper as upper
from peaks_hourly p
join peaks_days d on d.day = p.day
where p.hour = 23 and p.day between $from and $to and ($metric is null or p.metric = $metric)
order by p.metric, p.day
