-- first_changed_day: the first day whose counts differ from those the stored baselines were
-- built from (a load added, changed or moved calls or tickets there), or that is new or gone.
-- Baselines of earlier days cannot have changed (a day's usual level comes from earlier days
-- only), so the refresh recomputes from this day on. Null: nothing changed.
-- params: none
select cast(min(day) as varchar) as first_changed
from (
	select a.day
	from peaks_actuals a
	left join peaks_hourly p on p.metric = a.metric and p.day = a.day and p.hour = a.hour
	where p.actual is distinct from a.actual
	union all
	select p.day
	from peaks_hourly p
	anti join peaks_actuals a on a.metric = p.metric and a.day = p.day and a.hour = p.hour
)
