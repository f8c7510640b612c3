-- business_calendar_record_changes: the local days whose business time differs between the
-- staged intervals and the stored ones (hours or holidays edited, zone changed, days added to
-- the calendar's range). SLA clocks spanning such a day are recomputed.
-- Every day from the first interval whose business seconds before it changed is recorded too:
-- a day closed or opened earlier (a holiday added), or days added before it (a load reaching
-- further back than the data did), moves the cumulative seconds B that every later clock's
-- base (fr_base_s, res_base_s) was read from, and a running clock's elapsed business time is
-- B(now) − base. So every ticket created or still open from that day on is recomputed.
-- grain: one row per changed day, with the instants it starts and ends in the unit's zone.
-- params: $tz VARCHAR
insert into business_days_changed
select day, timezone($tz, cast(day as timestamp)), timezone($tz, cast(day as timestamp) + interval 1 day)
from (
	select coalesce(n.day, o.day) as day
	from (
		select c.day, coalesce(string_agg(cast(i.start_s as varchar) || '-' || cast(i.end_s as varchar), ',' order by i.start_s), '') as signature
		from calendar_days c
		left join business_intervals_new i on i.day = c.day
		group by c.day
	) n
	full outer join business_days o on o.day = n.day
	where n.signature is distinct from o.signature
	union
	select day from calendar_days
	where day >= (
		select min(n.day) from business_intervals_new n join business_intervals o on o.start_at = n.start_at
		where o.cum_before <> n.cum_before
	)
)
