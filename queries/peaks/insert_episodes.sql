-- insert_episodes: the peaks: hours and days above their band (peaks/insert_hourly_from),
-- grouped into episodes, per metric.
--   a day is above when its total (today: its running total up to the current hour) passes
--   the day's band; days above with no working day between them form one episode (a flood
--   from Tuesday to Saturday spans the weekend);
--   an hour is above when its count passes the hour's band; hours above on one day with at
--   most one hour between them form one episode, unless they fall in a day episode, which
--   absorbs them (its start is then its first hour above);
--   an hour episode needs $min_hours hours above: a single busy hour on an ordinary day is
--   as often chance as cause (calls come in bunches, and hang-ups add calls when the queue is
--   long), so it shows on the hourly chart but is not listed as a peak.
-- actual, expected and upper are summed over the episode's cells: whole days for a day
-- episode, the hours from its first to its last hour above for an hour episode.
-- key = metric:YYYY-MM-DDTHH of its first hour above the usual level (local): it does not
-- change as an episode grows hour by hour, so an alert is never raised twice for one peak.
-- params: $today DATE and $now_hour INTEGER (the unit's local day and hour of the refresh),
--         $tz VARCHAR, $min_hours INTEGER
insert into peak_episodes
with cells as (
	select
		p.*,
		d.working_index,
		cast(date_diff('day', date '2000-01-01', p.day) as bigint) * 24 + p.hour as ordinal,
		p.expected is not null and p.actual > p.upper as above,
		p.expected is not null and p.expected >= 1 and p.actual > p.expected as over
	from peaks_hourly p
	join peaks_days d on d.day = p.day
	where p.day < $today or (p.day = $today and p.hour <= $now_hour)
),
days as (
	select metric, day, working_index, cum_actual as actual, cum_expected as expected, cum_upper as upper
	from cells
	where hour = case when day = $today then $now_hour else 23 end
		and cum_expected is not null and cum_actual > cum_upper
),
day_islands as (
	select *, sum(case when prev is null or working_index - prev > 1 then 1 else 0 end) over (partition by metric order by day) as island
	from (select *, lag(working_index) over (partition by metric order by day) as prev from days)
),
day_episodes as (
	select metric, island, min(day) as first_day, max(day) as last_day, sum(actual) as actual, sum(expected) as expected, sum(upper) as upper
	from day_islands
	group by metric, island
),
day_cells as (
	select e.metric, e.first_day, c.*
	from day_episodes e
	join cells c on c.metric = e.metric and c.day between e.first_day and e.last_day
),
day_bounds as (
	select
		metric,
		first_day,
		coalesce(min(ordinal) filter (where above), min(ordinal) filter (where over), min(ordinal)) as first_ordinal,
		coalesce(max(ordinal) filter (where above), max(ordinal) filter (where over), max(ordinal)) as last_ordinal,
		cast(count(*) filter (where above) as integer) as hours_above,
		arg_max(ordinal, actual - expected) as peak_ordinal
	from day_cells
	group by metric, first_day
),
free_hours as (
	select c.*
	from cells c
	where c.above and not exists (
		select 1 from day_episodes e where e.metric = c.metric and c.day between e.first_day and e.last_day
	)
),
hour_islands as (
	select *, sum(case when prev is null or ordinal - prev > 2 or day <> prev_day then 1 else 0 end) over (partition by metric order by ordinal) as island
	from (select *, lag(ordinal) over (partition by metric order by ordinal) as prev, lag(day) over (partition by metric order by ordinal) as prev_day from free_hours)
),
hour_runs as (
	select metric, island, min(day) as day, min(ordinal) as first_ordinal, max(ordinal) as last_ordinal, cast(count(*) as integer) as hours_above
	from hour_islands
	group by metric, island
	having count(*) >= $min_hours
),
hour_episodes as (
	select
		r.metric,
		r.day,
		r.first_ordinal,
		r.last_ordinal,
		r.hours_above,
		sum(c.actual) as actual,
		sum(c.expected) as expected,
		sum(c.upper) as upper,
		arg_max(c.ordinal, c.actual - c.expected) as peak_ordinal
	from hour_runs r
	join cells c on c.metric = r.metric and c.ordinal between r.first_ordinal and r.last_ordinal
	group by r.metric, r.day, r.first_ordinal, r.last_ordinal, r.hours_above
),
episodes as (
	select
		e.metric, 'day' as grain, e.first_day, e.last_day, b.first_ordinal, b.last_ordinal, b.hours_above,
		e.actual, e.expected, e.upper, b.peak_ordinal,
		e.first_day as window_first_day, e.last_day + 1 as window_end_day, null::bigint as window_first_ordinal, null::bigint as window_end_ordinal
	from day_episodes e
	join day_bounds b on b.metric = e.metric and b.first_day = e.first_day
	union all
	select
		metric, 'hour', day, day, first_ordinal, last_ordinal, hours_above,
		actual, expected, upper, peak_ordinal,
		null, null, first_ordinal, last_ordinal + 1
	from hour_episodes
),
instants as (
	select
		*,
		-- an ordinal back to the local wall-clock time, then to an instant in the unit's zone
		timezone($tz, timestamp '2000-01-01 00:00:00' + to_hours(first_ordinal)) as start_at,
		timezone($tz, timestamp '2000-01-01 00:00:00' + to_hours(last_ordinal + 1)) as end_at,
		timezone($tz, timestamp '2000-01-01 00:00:00' + to_hours(peak_ordinal)) as peak_hour_at
	from episodes
)
select
	i.metric || ':' || strftime(timestamp '2000-01-01 00:00:00' + to_hours(i.first_ordinal), '%Y-%m-%dT%H') as key,
	i.metric,
	grain,
	first_day,
	last_day,
	start_at,
	end_at,
	coalesce(timezone($tz, cast(window_first_day as timestamp)), timezone($tz, timestamp '2000-01-01 00:00:00' + to_hours(window_first_ordinal))) as window_start,
	coalesce(timezone($tz, cast(window_end_day as timestamp)), timezone($tz, timestamp '2000-01-01 00:00:00' + to_hours(window_end_ordinal))) as window_end,
	hours_above,
	i.actual,
	i.expected,
	i.upper,
	peak_hour_at,
	c.actual as peak_hour_actual,
	c.expected as peak_hour_expected
from instants i
left join cells c on c.metric = i.metric and c.ordinal = i.peak_ordinal
