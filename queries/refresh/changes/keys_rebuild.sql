-- keys_rebuild: refresh_keys from every ticket, call and survey answer, for a full refresh:
-- sorted by dataset and key, so that a lookup of a few keys reads few row groups.
-- params: none
create or replace table refresh_keys as
select dataset, key, counted_at, stamp
from (
	select 'tickets' as dataset, hash(id) as key, created_at as counted_at, loaded_at as stamp from tickets
	union all select 'calls', hash(id), started_at, loaded_at from calls
	union all select 'survey_answers', hash(id), answered_at, loaded_at from survey_answers
)
order by dataset, key
