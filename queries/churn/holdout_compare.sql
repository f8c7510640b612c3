-- holdout_compare: the hold-out experiment. Customers drawn into an arm (list: put on the
-- follow-up list; holdout: kept off it) at least $window days ago, and what happened in the
-- $window days after: returned (they opened a ticket or called us: contacts the customer made,
-- so the care unit's own calls and the answers given on them do not count), left (lapsed or
-- marked lost after entering), and the risk score at entry and on the newest day computed
-- within the window. $at_risk_only keeps the entries that were at risk (score ≥ $at_risk).
-- Grain: arm.  params: $today DATE, $window INTEGER, $at_risk DOUBLE, $at_risk_only BOOLEAN
with e as (
	select * from churn_experiment
	where entered_on <= cast($today as date) - $window
		and (not $at_risk_only or score >= $at_risk)
),
outcome as (
	select
		e.arm, e.customer_id, e.entered_on, e.score,
		exists (
			select 1 from churn_contact_days d
			where d.customer_id = e.customer_id and d.day > e.entered_on and d.day <= e.entered_on + $window
				and (d.tickets > 0 or d.calls > 0)
		) as returned,
		exists (
			select 1 from churn_risk r
			left join customers c on c.id = r.customer_id
			left join churn_lost l on l.customer_id = r.customer_id
			where r.customer_id = e.customer_id and r.status in ('lost', 'lapsed')
				and case r.status when 'lost' then l.lost_on else c.renewal_date end > e.entered_on
		) as left_,
		(select arg_max(h.score, h.as_of) from churn_risk_history h
			where h.customer_id = e.customer_id and h.as_of > e.entered_on and h.as_of <= e.entered_on + $window) as later_score
	from e
)
select
	arm,
	cast(count(*) as integer) as customers,
	cast(count(*) filter (where returned) as integer) as returned,
	cast(count(*) filter (where left_) as integer) as left_,
	avg(score) as score_at_entry,
	avg(later_score) as later_score,
	cast(count(later_score) as integer) as later_scored
from outcome
group by arm
order by arm
