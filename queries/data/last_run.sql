-- last_run: the latest ingest run (none on a new database).
-- params: none
select id, trigger, status, cast(started_at as varchar) as started_at, cast(finished_at as varchar) as finished_at, error
from import_runs
order by id desc
limit 1
