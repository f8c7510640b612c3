-- track_record: the customers who left (lapsed: renewal not taken, on its renewal date; lost:
-- marked lost, on that day) after the risk history begins, and what the model said about each in
-- the $horizon days before it left: how many days were computed, the highest score, the first
-- day it was flagged (score ≥ $at_risk) and how many days before leaving that was (lead time).
-- Computed by the churn refresh step into churn_track_left (src/lib/server/churn/track.ts);
-- pages read queries/churn/track_left.sql.
-- Grain: customer.  params: $at_risk DOUBLE, $horizon INTEGER
with span as (select min(as_of) as first_day from churn_risk_history),
left_ as (
	select r.customer_id, r.status,
		case r.status when 'lost' then l.lost_on when 'lapsed' then c.renewal_date end as left_on
	from churn_risk r
	join customers c on c.id = r.customer_id
	left join churn_lost l on l.customer_id = r.customer_id
	where r.status in ('lost', 'lapsed')
)
select
	lf.customer_id, lf.status, lf.left_on,
	cast(count(h.as_of) as integer) as days_computed,
	max(h.score) as max_score,
	min(h.as_of) filter (where h.score >= $at_risk) as first_flagged,
	cast(lf.left_on - min(h.as_of) filter (where h.score >= $at_risk) as integer) as lead_days
from left_ lf
cross join span
left join churn_risk_history h on h.customer_id = lf.customer_id
	and h.as_of < lf.left_on
	and h.as_of >= lf.left_on - $horizon
where lf.left_on > span.first_day
group by lf.customer_id, lf.status, lf.left_on
