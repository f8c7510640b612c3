-- business_calendar_record_changes: the local days whose business time differs between the
-- staged intervals and the stored ones (hours or holidays edited, zone changed, days added to
-- the calendar's range). SLA clocks spanning such a day are recomputed.
-- grain: one row per changed day, with the instants it starts and ends in the unit's zone.
-- params: $tz VARCHAR
insert into business_days_changed
select
	coalesce(n.day, o.day) as day,
	timezone($tz, cast(coalesce(n.day, o.day) as timestamp)),
	timezone($tz, cast(coalesce(n.day, o.day) as timestamp) + interval 1 day)
from (
	select c.day, coalesce(string_agg(cast(i.start_s as varchar) || '-' || cast(i.end_s as varchar), ',' order by i.start_s), '') as signature
	from calendar_days c
	left join business_intervals_new i on i.day = c.day
	group by c.day
) n
full outer join business_days o on o.day = n.day
where n.signature is distinct from o.signature
