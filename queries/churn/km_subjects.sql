-- km_subjects: the subjects of the track record's Kaplan-Meier curves, a landmark analysis: the
-- customers active on the landmark day, grouped by whether the model flagged them that day
-- (score ≥ $at_risk); followed until they left (event: lapsed, with the renewal date as the
-- day they left, or marked lost, on the day marked, as the current risk says) or until the
-- current day (censored). Customers who had left by the landmark are not subjects.
-- Grain: customer.  params: $landmark DATE, $at_risk DOUBLE
with now_ as (select max(as_of) as current from churn_risk_history),
left_ as (
	select r.customer_id,
		case r.status when 'lost' then l.lost_on when 'lapsed' then c.renewal_date end as left_on
	from churn_risk r
	join customers c on c.id = r.customer_id
	left join churn_lost l on l.customer_id = r.customer_id
	where r.status in ('lost', 'lapsed')
)
select
	case when h.score >= $at_risk then 'flagged' else 'not_flagged' end as grp,
	h.customer_id,
	cast(case when lf.left_on is not null then lf.left_on - h.as_of else n.current - h.as_of end as integer) as days,
	lf.left_on is not null as event
from churn_risk_history h
cross join now_ n
left join left_ lf on lf.customer_id = h.customer_id
where h.as_of = cast($landmark as date)
	and h.status = 'active'
	and (lf.left_on is null or lf.left_on > h.as_of)
