-- file: one import_files row. stored_path is where the file is only once it was moved
-- (while move_pending it is where it is going; source_path says where it still lies).
-- params: $id INTEGER
select id, run_id, dataset, mapping, preset, forced, file_name, case when move_pending then null else stored_path end as stored_path,
	case when move_pending then source_path end as pending_in_inbox, format, encoding, status, cast(size_bytes as double) as size_bytes, sha256,
	rows_read, rows_inserted, rows_updated, rows_rejected, rows_skipped, rows_superseded, duplicate_of, error, notes,
	cast(error_problem as varchar) as error_problem, cast(notes_problems as varchar) as notes_problems, cast(columns as varchar) as columns, source_path,
	cast(started_at as varchar) as started_at, cast(finished_at as varchar) as finished_at
from import_files
where id = $id
