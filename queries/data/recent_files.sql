-- recent_files: the files of the latest ingest runs, newest first.
-- params: $limit INTEGER
select id, run_id, dataset, mapping, preset, forced, file_name, stored_path, format, encoding, status, cast(size_bytes as double) as size_bytes,
	rows_read, rows_inserted, rows_updated, rows_rejected, rows_skipped, rows_superseded, duplicate_of, error, notes,
	cast(error_problem as varchar) as error_problem, cast(notes_problems as varchar) as notes_problems,
	cast(started_at as varchar) as started_at
from import_files
order by id desc
limit $limit
