-- by_id: one follow-up with the customer it is about.
-- params: $id INTEGER
select
	f.id, f.customer_id, cast(f.list_day as varchar) as list_day, f.rank, f.score, f.priority,
	cast(f.reasons as varchar) as reasons, f.assignee, f.status, cast(f.call_back_on as varchar) as call_back_on,
	f.notes, f.attempts, f.reached_at, f.closed_at, f.nps_answer_id, f.csat_answer_id, f.created_at, f.updated_at, f.updated_by, f.version,
	c.name, c.segment
from follow_ups f
join customers c on c.id = f.customer_id
where f.id = $id
