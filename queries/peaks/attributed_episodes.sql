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
from peak_episodes e
left join lateral (
	select id, kind, title, starts_at
	from annotations an
	where an.starts_at < e.end_at
		and e.start_at < coalesce(an.ends_at, an.starts_at) + to_minutes(cast(round($window_hours * 60) as bigint))
	order by case when an.starts_at <= e.start_at then 0 else 1 end, abs(epoch(e.start_at) - epoch(an.starts_at)), an.id
	limit 1
) a on true
where ($from is null or e.last_day >= $from)
	and ($to is null or e.first_day <= $to)
	and ($key is null or e.key = $key)
	and ($metric is null or e.metric = $metric)
	and (not coalesce($unexplained, false) or a.id is null)
order by e.start_at desc
limit coalesce($limit, 1000)
