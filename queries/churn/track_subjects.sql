-- track_subjects: the subjects of the track record's Kaplan-Meier curves, into the temporary
-- table churn_km_subjects (read by queries/churn/kaplan_meier.sql), two landmark analyses at once:
--   pooled (landmark null): every computed day 14, 28, … days before the newest one is a
--     landmark; each customer active on it is a subject, grouped by whether the model flagged it
--     that day (score ≥ $at_risk), followed for at most $horizon days until it left (event:
--     lapsed on its renewal date, or marked lost, as the newest day's status says) or censored
--     at the horizon or the newest day. A customer counts once per landmark (the curves describe
--     "a customer flagged on a given day", not independent customers);
--   one landmark (landmark = the day): every computed day at least 30 days before the newest (a
--     curve needs time to run), the customers active on it, followed until they left or the
--     newest day (censored), without a horizon.
-- Customers who had left by the landmark are not subjects.
-- Grain: landmark × customer (pooled: landmark day × customer).  params: $at_risk DOUBLE, $horizon INTEGER
create or replace temp table churn_km_subjects as
with now_ as (select max(as_of) as current from churn_risk_history),
left_ as (
	select r.customer_id,
		case r.status when 'lost' then l.lost_on when 'lapsed' then c.renewal_date end as left_on
	from churn_risk r
	join customers c on c.id = r.customer_id
	left join churn_lost l on l.customer_id = r.customer_id
	where r.status in ('lost', 'lapsed')
),
active as (
	select h.as_of, h.customer_id, h.score, lf.left_on, n.current
	from churn_risk_history h
	cross join now_ n
	left join left_ lf on lf.customer_id = h.customer_id
	where h.as_of < n.current
		and h.status = 'active'
		and (lf.left_on is null or lf.left_on > h.as_of)
)
select
	cast(null as date) as landmark,
	case when score >= $at_risk then 'flagged' else 'not_flagged' end as grp,
	cast(least(coalesce(left_on - as_of, $horizon), $horizon, current - as_of) as integer) as days,
	left_on is not null and left_on - as_of <= least($horizon, current - as_of) as event
from active
where (current - as_of) % 14 = 0
union all
select
	as_of as landmark,
	case when score >= $at_risk then 'flagged' else 'not_flagged' end as grp,
	cast(coalesce(left_on, current) - as_of as integer) as days,
	left_on is not null as event
from active
where as_of <= current - 30
