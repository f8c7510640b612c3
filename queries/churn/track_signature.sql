-- track_signature: what the stored track record (churn_track_left, churn_track_km) depends on,
-- as one string: the at-risk score and horizon, the first and newest computed days, how many
-- history rows there are before the newest day and when the last of them was written (the
-- curves' landmarks and the flags before leaving are all earlier days; the step never updates a
-- row in place: a day is deleted and computed again, with a new computed_at), and a checksum of
-- who left when (the newest day's statuses, churn_lost, renewal dates). Equal signature: the
-- stored figures are what a recomputation gives.
-- Grain: one row.  params: $at_risk DOUBLE, $horizon INTEGER
with span as (select min(as_of) as first_day, max(as_of) as current from churn_risk_history),
left_ as (
	select r.customer_id, r.status,
		case r.status when 'lost' then l.lost_on when 'lapsed' then c.renewal_date end as left_on
	from churn_risk r
	join customers c on c.id = r.customer_id
	left join churn_lost l on l.customer_id = r.customer_id
	where r.status in ('lost', 'lapsed')
)
select concat_ws('|',
	cast($at_risk as double), cast($horizon as integer), s.first_day, s.current,
	(select count(*) from churn_risk_history h where h.as_of < s.current),
	(select max(h.computed_at) from churn_risk_history h where h.as_of < s.current),
	(select count(*) from left_),
	(select sum(hash(lf.customer_id, lf.status, lf.left_on)) from left_ lf)
) as signature
from span s
