-- hourly: each hour's count against its usual level and band, over a span of local days.
-- Grain: metric × local day × hour. params: $from DATE, $to DATE, $metric VARCHAR (null: both)
select
	p.metric,
	cast(p.day as varchar) as day,
	p.hour,
	p.actual,
	p.expected,
	p.lower,
	p.upper
from peaks_hourly p
where p.day between $from and $to and ($metric is null or p.metric = $metric)
order by p.metric, p.day, p.hour
