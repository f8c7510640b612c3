-- file: one import_files row.
-- params: $id INTEGER
select id, run_id, dataset, mapping, file_name, stored_path, format, encoding, status, cast(size_bytes as double) as size_bytes, sha256,
	rows_read, rows_inserted, rows_updated, rows_rejected, rows_skipped, rows_superseded, duplicate_of, error, notes,
	cast(error_problem as varchar) as error_problem, cast(notes_problems as varchar) as notes_problems,
	cast(started_at as varchar) as started_at, cast(finished_at as varchar) as finished_at
from import_files
where id = $id
