-- customer_timeline: what happened with one customer in the loaded data, newest first: tickets
-- opened, calls (incoming and the care unit's outgoing) and survey answers; the follow-ups of the
-- care unit are churn/customer_timeline_follow_ups (the page merges the two by event_at, ref).
-- kind: ticket | call | survey; detail fields depend on the kind (null otherwise). sort_us is
-- event_at in microseconds (for the merge).
-- Grain: event.  params: $id VARCHAR, $limit INTEGER
select *, epoch_us(event_at) as sort_us from (
	select 'ticket' as kind, t.created_at as event_at, t.id as ref, t.subject as text, t.channel, t.category, t.priority,
		t.status, null::varchar as direction, null::varchar as outcome, null::varchar as survey_kind, null::integer as score
	from tickets t where t.customer_id = $id
	union all
	select 'call', k.started_at, k.id, null, null, null, null, null, k.direction, k.outcome, null, null
	from calls k where k.customer_id = $id
	union all
	select 'survey', s.answered_at, s.id, s.comment, s.channel, null, null, null, null, s.occasion, s.kind, s.score
	from survey_answers s where s.customer_id = $id
)
order by event_at desc, ref desc
limit $limit
