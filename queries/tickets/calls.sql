-- calls: the calls linked to a ticket (the one that opened it, follow-ups, the care unit's), in order.
-- params: $id VARCHAR
select id, direction, queue, cast(started_at as varchar) as started_at, outcome,
	wait_seconds, talk_seconds, opened_case
from calls
where ticket_id = $id
order by started_at, id
