-- breakdown: what a peak was about, against a normal day. For every value of a few dimensions,
-- the count in the peak's cells (its hours above the band, or its whole days) and the usual
-- count: the average over the peak's reference days (peaks_reference_days) of the same hours.
-- An average, not a median, so that the usual counts of a dimension add up to the usual total.
--   tickets (by created_at): category, channel, priority, customer
--   calls (incoming, by started_at): queue, case (opened a case | follow_up | unknown),
--   outcome (answered | abandoned), customer
-- Customer names only when $with_names (the viewer may see them); the segment always.
-- params: $key VARCHAR (the peak), $tz VARCHAR, $with_names BOOLEAN
with e as (
	select * from peak_episodes where key = $key
),
cells as (
	select p.day, p.hour
	from peaks_hourly p, e
	where p.metric = e.metric and p.day between e.first_day and e.last_day
		and p.day + to_hours(p.hour) >= timezone($tz, e.window_start)
		and p.day + to_hours(p.hour) < timezone($tz, e.window_end)
),
weights as (
	-- each local cell's weight: 1 in the peak, 1/(number of reference days) on a reference day
	select day, hour, 1.0 as peak_weight, 0.0 as usual_weight from cells
	union all
	select rd.ref_day, c.hour, 0.0, 1.0 / count(*) over (partition by c.day, c.hour)
	from cells c
	join peaks_reference_days rd on rd.day = c.day
),
cell_weights as (
	select day, hour, sum(peak_weight) as peak_weight, sum(usual_weight) as usual_weight from weights group by all
),
span as (
	select timezone($tz, cast(min(day) as timestamp)) as s, timezone($tz, cast(max(day) + 1 as timestamp)) as e from cell_weights
),
facts as (
	select timezone($tz, t.created_at) as local_at, t.customer_id, [{'dim': 'category', 'value': t.category}, {'dim': 'channel', 'value': t.channel}, {'dim': 'priority', 'value': t.priority}] as dims
	from tickets t, e, span
	where e.metric = 'tickets' and t.created_at >= span.s and t.created_at < span.e
	union all
	select timezone($tz, c.started_at), c.customer_id,
		[{'dim': 'queue', 'value': c.queue},
			{'dim': 'case', 'value': case when c.opened_case then 'opened_case' when not c.opened_case then 'follow_up' else 'unknown' end},
			{'dim': 'outcome', 'value': c.outcome}]
	from calls c, e, span
	where e.metric = 'calls' and c.direction = 'inbound' and c.started_at >= span.s and c.started_at < span.e
),
weighted as (
	select f.*, w.peak_weight, w.usual_weight
	from facts f
	join cell_weights w on w.day = cast(f.local_at as date) and w.hour = hour(f.local_at)
),
by_dim as (
	select d.dim, d.value, sum(peak_weight) as peak, sum(usual_weight) as usual
	from (select unnest(dims) as d, peak_weight, usual_weight from weighted)
	group by all
	union all
	select 'customer', customer_id, sum(peak_weight), sum(usual_weight)
	from weighted
	where customer_id is not null
	group by all
)
select
	b.dim,
	coalesce(b.value, '') as value,
	case when b.dim = 'customer' and $with_names then cu.name end as customer_name,
	case when b.dim = 'customer' then cu.segment end as segment,
	cast(b.peak as double) as peak,
	cast(b.usual as double) as usual
from by_dim b
left join customers cu on b.dim = 'customer' and cu.id = b.value
order by b.dim, b.peak desc, b.value
