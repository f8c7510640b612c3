-- day_list: the follow-ups on a day's list: those put on it that day, and (when $carry is true,
-- i.e. for today) open ones from earlier days that are due (no call-back day, or one on or
-- before the day) and whose customer is not snoozed. With the customer's details, the risk facts
-- of the day the item was made (reasons, JSON) and the customer's current score.
-- Grain: follow-up.  params: $day DATE, $carry BOOLEAN, $assignee VARCHAR (null: everyone)
select
	f.id, f.customer_id, cast(f.list_day as varchar) as list_day, f.rank, f.score, f.priority,
	cast(f.reasons as varchar) as reasons, f.assignee, f.status, cast(f.call_back_on as varchar) as call_back_on,
	f.notes, f.attempts, f.reached_at, f.closed_at, f.nps_answer_id, f.csat_answer_id, f.created_at, f.updated_at, f.updated_by, f.version,
	f.list_day < cast($day as date) as carried,
	c.name, c.segment, c.owner, c.contact_name, c.contact_phone, c.contact_email,
	r.score as current_score
from follow_ups f
join customers c on c.id = f.customer_id
left join churn_risk r on r.customer_id = f.customer_id
where ($assignee is null or f.assignee = $assignee)
	and (
		f.list_day = cast($day as date)
		or ($carry
			and f.list_day < cast($day as date)
			and f.status in ('to_call', 'no_answer', 'call_back')
			and (f.call_back_on is null or f.call_back_on <= cast($day as date))
			and not exists (select 1 from churn_snoozes s where s.customer_id = f.customer_id and s.until > cast($day as date)
				and s.id = (select max(id) from churn_snoozes z where z.customer_id = f.customer_id)))
	)
order by f.list_day, f.rank, f.customer_id
