-- business_calendar_business_seconds: business seconds between two instants over the stored
-- intervals: B(to) − B(from), B(t) = cum_before + least(epoch(t) − start_s, end_s − start_s) of
-- the last interval starting at or before t (0 before the first one).
-- params: $from TIMESTAMPTZ, $to TIMESTAMPTZ
with pts as (select 0 as k, epoch(cast($from as timestamptz)) as s union all select 1, epoch(cast($to as timestamptz))),
b as (
	select k, coalesce(i.cum_before + least(pts.s - i.start_s, i.end_s - i.start_s), 0) as b
	from pts asof left join business_intervals i on pts.s >= i.start_s
)
select cast(max(b) filter (where k = 1) - max(b) filter (where k = 0) as double) as seconds from b
