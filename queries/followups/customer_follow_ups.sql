-- customer_follow_ups: every follow-up of one customer, newest first.
-- params: $id VARCHAR
select
	f.id, cast(f.list_day as varchar) as list_day, f.score, f.assignee, f.status,
	cast(f.call_back_on as varchar) as call_back_on, f.notes, f.attempts, f.reached_at, f.closed_at,
	f.updated_at, f.updated_by, f.version
from follow_ups f
where f.customer_id = $id
order by f.list_day desc, f.id desc
