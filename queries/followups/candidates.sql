-- candidates: customers that may go on a day's follow-up list: active on the risk day ($as_of)
-- with a score of at least $min_score, with no open follow-up, not reached (or closed) within the cool-down, not
-- snoozed past the day (the latest snooze counts), and their arm of the hold-out experiment
-- when one is still running (entered within $holdout_days). The hold-out customers are
-- returned too: the plan (src/lib/server/churn/assignment.ts) keeps them off.
-- params: $day DATE, $as_of DATE, $min_score DOUBLE, $cool_down INTEGER, $holdout_days INTEGER, $tz VARCHAR
select
	r.customer_id,
	r.score,
	c.segment,
	c.owner,
	(select arg_max(e.arm, e.entered_on) from churn_experiment e
		where e.customer_id = r.customer_id and e.entered_on > cast($day as date) - $holdout_days) as arm
from churn_risk_history r
join customers c on c.id = r.customer_id
where r.as_of = cast($as_of as date)
	and r.status = 'active'
	and r.score >= $min_score
	and not exists (select 1 from follow_ups f where f.customer_id = r.customer_id and f.status in ('to_call', 'no_answer', 'call_back'))
	and not exists (select 1 from follow_ups f where f.customer_id = r.customer_id
		and coalesce(f.reached_at, f.closed_at) > timezone($tz, cast(cast($day as date) - $cool_down as timestamp)))
	and not exists (select 1 from churn_snoozes s where s.customer_id = r.customer_id and s.until > cast($day as date)
		and s.id = (select max(id) from churn_snoozes z where z.customer_id = r.customer_id))
order by r.customer_id
