-- attributed_episodes: the peaks (peak_episodes) that touch a period of local days, or one
-- peak by key, each with the annotation that explains it, if any.
-- An annotation (a release, an incident) explains a peak when the peak overlaps the span from
-- the annotation's start to its end (its start when it has none) plus $window_hours: the
-- peak started while it lasted or within that many hours after, or was already under way
-- when it started. Of several, the one starting last before the peak (else first after) wins.
-- ratio = actual / expected ("× usual"); excess = actual − expected.
-- params: $window_hours DOUBLE (setting peaks.attributionHours); $from, $to DATE (null: all);
--         $key VARCHAR (null: all); $metric VARCHAR (null: both); $unexplained BOOLEAN (true: only
--         peaks no annotation explains); $limit INTEGER
with episodes as (
	select *, epoch(start_at) as start_s, epoch(end_at) as end_s
	from peak_episodes
	where ($from is null or last_day >= $from)
		and ($to is null or first_day <= $to)
		and ($key is null or key = $key)
		and ($metric is null or metric = $metric)
),
spans as (
	-- each annotation's span in epoch seconds: its start to its end (or start) plus the window
	select id, epoch(starts_at) as start_s, epoch(coalesce(ends_at, starts_at)) + $window_hours * 3600 as end_s
	from annotations
),
attribution as (
	-- the explaining annotation: the latest starting at or before the peak, else the earliest after
	select e.key, arg_min(sp.id, (case when sp.start_s <= e.start_s then 0 else 1e12 end) + abs(e.start_s - sp.start_s)) as annotation_id
	from episodes e
	join spans sp on sp.start_s < e.end_s and e.start_s < sp.end_s
	group by e.key
)
select
	e.key,
	e.metric,
	e.grain,
	cast(e.first_day as varchar) as first_day,
	cast(e.last_day as varchar) as last_day,
	cast(e.start_at as varchar) as start_at,
	cast(e.end_at as varchar) as end_at,
	cast(e.window_start as varchar) as window_start,
	cast(e.window_end as varchar) as window_end,
	cast(epoch(e.end_at) - epoch(e.start_at) as double) as duration_seconds,
	e.hours_above,
	e.actual,
	e.expected,
	e.upper,
	e.actual - e.expected as excess,
	case when e.expected > 0 then e.actual / e.expected end as ratio,
	cast(e.peak_hour_at as varchar) as peak_hour_at,
	e.peak_hour_actual,
	e.peak_hour_expected,
	a.id as annotation_id,
	a.kind as annotation_kind,
	a.title as annotation_title,
	cast(a.starts_at as varchar) as annotation_starts_at
from episodes e
left join attribution x on x.key = e.key
left join annotations a on a.id = x.annotation_id
where not coalesce($unexplained, false) or a.id is null
order by e.start_at desc
limit coalesce($limit, 1000)
