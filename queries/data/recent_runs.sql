-- recent_runs: the latest ingest runs, newest first.
-- params: $limit INTEGER
select id, trigger, status, cast(started_at as varchar) as started_at, cast(finished_at as varchar) as finished_at,
	cast(epoch(finished_at) - epoch(started_at) as double) as seconds,
	files_seen, files_loaded, files_duplicate, files_failed, rows_inserted, rows_updated, rows_rejected, rows_skipped, error,
	cast(problems as varchar) as problems
from import_runs
order by id desc
limit $limit
