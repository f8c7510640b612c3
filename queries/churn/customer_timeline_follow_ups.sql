-- customer_timeline_follow_ups: the care unit's follow-ups of one customer as timeline events
-- (the rest of the timeline is churn/customer_timeline), newest first, in its columns.
-- Grain: event.  params: $id VARCHAR, $limit INTEGER
select 'follow_up' as kind, coalesce(f.updated_at, f.created_at) as event_at, cast(f.id as varchar) as ref, f.notes as text,
	null::varchar as channel, null::varchar as category, null::varchar as priority, f.status, null::varchar as direction,
	null::varchar as outcome, null::varchar as survey_kind, null::integer as score,
	epoch_us(coalesce(f.updated_at, f.created_at)) as sort_us
from follow_ups f
where f.customer_id = $id
order by event_at desc, ref desc
limit $limit
