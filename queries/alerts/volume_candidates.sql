-- volume_candidates: the peaks under way today (the unit's local day): a volume alert is
-- raised for each that has none yet. A peak that ended before today never alerts, so loading
-- old data does not ring anyone.
-- params: $today DATE
select
	key,
	metric,
	grain,
	cast(first_day as varchar) as first_day,
	cast(start_at as varchar) as start_at,
	cast(window_start as varchar) as window_start,
	cast(window_end as varchar) as window_end,
	hours_above,
	actual,
	expected,
	upper
from peak_episodes
where last_day >= $today
order by start_at
