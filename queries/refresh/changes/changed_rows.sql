-- changed_rows: the tickets, calls and survey answers the derived tables do not include as they
-- are now: rows written by a file not yet refreshed (source_file_id), and rows written outside
-- any file (a follow-up's answers, source_file_id null) whose instant or loaded_at differ from
-- what refresh_keys says was counted. Grain: one row per changed row, with its id, the hash of
-- the id (refresh_keys' key), the instant of its local day now, its loaded_at, and whether a
-- file wrote it. $datasets limits the detection (a partial refresh looks at survey answers
-- only); $files false leaves the files for the next whole refresh.
-- params: $datasets VARCHAR (JSON array of dataset names), $files BOOLEAN
create or replace temp table refresh_changed as
with wanted as (select unnest(cast(json($datasets) as varchar[])) as dataset),
files as (select id, dataset from refresh_new_files where $files and dataset in (select dataset from wanted)),
outside as (
	select 'tickets' as dataset, id, hash(id) as key, created_at as counted_at, loaded_at as stamp
	from tickets where source_file_id is null and 'tickets' in (select dataset from wanted)
	union all
	select 'calls', id, hash(id), started_at, loaded_at
	from calls where source_file_id is null and 'calls' in (select dataset from wanted)
	union all
	select 'survey_answers', id, hash(id), answered_at, loaded_at
	from survey_answers where source_file_id is null and 'survey_answers' in (select dataset from wanted)
),
-- The refresh_keys rows of those outside rows (few), found by key first.
counted as (
	select l.dataset, l.key, l.counted_at, l.stamp
	from refresh_keys l
	semi join outside o on o.dataset = l.dataset and o.key = l.key
)
select 'tickets' as dataset, id, hash(id) as key, created_at as counted_at, loaded_at as stamp, true as from_file
from tickets where source_file_id in (select id from files where dataset = 'tickets')
union all
select 'calls', id, hash(id), started_at, loaded_at, true
from calls where source_file_id in (select id from files where dataset = 'calls')
union all
select 'survey_answers', id, hash(id), answered_at, loaded_at, true
from survey_answers where source_file_id in (select id from files where dataset = 'survey_answers')
union all
select o.dataset, o.id, o.key, o.counted_at, o.stamp, false
from outside o
anti join counted k on k.dataset = o.dataset and k.key = o.key and k.counted_at = o.counted_at and k.stamp = o.stamp
