-- business_calendar_stage_intervals: the unit's open intervals for every day of calendar_days,
-- as instants: each weekday's working intervals (wall-clock minutes of the settings), except on
-- holidays, turned into instants by ICU in the unit's zone (so a DST change or Iran's pre-2022
-- offsets need no arithmetic here). cum_before = business seconds of all earlier intervals.
-- grain: one row per open interval. Staged into a temp table; the refresh compares and stores it.
-- params: $week VARCHAR (JSON [{weekday 0=Sunday…6, start_min, end_min}]), $holidays VARCHAR (JSON ["YYYY-MM-DD"]), $tz VARCHAR
create or replace temp table business_intervals_new as
with week as (
	select unnest(from_json($week, '[{"weekday":"INTEGER","start_min":"INTEGER","end_min":"INTEGER"}]'), recursive := true)
),
holidays as (
	select cast(unnest(from_json($holidays, '["VARCHAR"]')) as date) as day
),
spans as (
	select
		c.day,
		timezone($tz, cast(c.day as timestamp) + to_minutes(w.start_min)) as start_at,
		timezone($tz, cast(c.day as timestamp) + to_minutes(w.end_min)) as end_at
	from calendar_days c
	join week w on w.weekday = c.weekday
	where c.day not in (select day from holidays)
)
select
	start_at,
	end_at,
	epoch(start_at) as start_s,
	epoch(end_at) as end_s,
	coalesce(sum(epoch(end_at) - epoch(start_at)) over (order by start_at rows between unbounded preceding and 1 preceding), 0) as cum_before,
	day
from spans
where end_at > start_at
