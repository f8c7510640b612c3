-- customer_timeline: everything that happened with one customer, newest first: tickets opened,
-- calls (incoming and the care unit's outgoing), survey answers and follow-ups of the care unit.
-- kind: ticket | call | survey | follow_up; detail fields depend on the kind (null otherwise).
-- Grain: event.  params: $id VARCHAR, $limit INTEGER
select * from (
	select 'ticket' as kind, t.created_at as event_at, t.id as ref, t.subject as text, t.channel, t.category, t.priority,
		t.status, null::varchar as direction, null::varchar as outcome, null::varchar as survey_kind, null::integer as score
	from tickets t where t.customer_id = $id
	union all
	select 'call', k.started_at, k.id, null, null, null, null, null, k.direction, k.outcome, null, null
	from calls k where k.customer_id = $id
	union all
	select 'survey', s.answered_at, s.id, s.comment, s.channel, null, null, null, null, s.occasion, s.kind, s.score
	from survey_answers s where s.customer_id = $id
	union all
	select 'follow_up', coalesce(f.updated_at, f.created_at), cast(f.id as varchar), f.notes, null, null, null, f.status, null, null, null, null
	from follow_ups f where f.customer_id = $id
)
order by event_at desc, ref desc
limit $limit
