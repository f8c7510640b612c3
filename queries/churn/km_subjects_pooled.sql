-- km_subjects_pooled: the track record's Kaplan-Meier subjects pooled over landmark days: every
-- computed day 14, 28, … days before the newest one is a landmark; each customer active on it is a
-- subject, grouped by whether the model flagged it that day (score ≥ $at_risk), followed for at most
-- $horizon days until it left (event: lapsed on its renewal date, or marked lost) or censored at
-- the horizon or the newest day. A customer counts once per landmark (the curves describe "a
-- customer flagged on a given day", not independent customers).
-- Grain: customer × landmark.  params: $at_risk DOUBLE, $horizon INTEGER
with now_ as (select max(as_of) as current from churn_risk_history),
left_ as (
	select r.customer_id,
		case r.status when 'lost' then l.lost_on when 'lapsed' then c.renewal_date end as left_on
	from churn_risk r
	join customers c on c.id = r.customer_id
	left join churn_lost l on l.customer_id = r.customer_id
	where r.status in ('lost', 'lapsed')
),
subjects as (
	select
		case when h.score >= $at_risk then 'flagged' else 'not_flagged' end as grp,
		h.customer_id,
		least(coalesce(lf.left_on - h.as_of, $horizon), $horizon, n.current - h.as_of) as days,
		lf.left_on is not null and lf.left_on - h.as_of <= least($horizon, n.current - h.as_of) as event
	from churn_risk_history h
	cross join now_ n
	left join left_ lf on lf.customer_id = h.customer_id
	where h.as_of < n.current
		and (n.current - h.as_of) % 14 = 0
		and h.status = 'active'
		and (lf.left_on is null or lf.left_on > h.as_of)
)
select grp, customer_id, cast(days as integer) as days, event from subjects
