-- insert_import_file: record what happened to one file of an ingest run.
-- params: one per column; status is loaded | with_rejects | duplicate | failed.
-- $source_path: where it lay in the inbox; $stored_path: where it is being moved
-- (processed/… or failed/…); $move_pending BOOLEAN: true until the move is done;
-- $preset, $mapping_hash: the layout as used; $forced BOOLEAN: loaded again on purpose;
-- $columns VARCHAR: the file's header as a JSON list (null for JSON files).
-- $ingest_path: 'native' | 'js' (null when no rows were read), $ingest_path_reason: why 'js'.
insert into import_files (
	id, run_id, dataset, mapping, file_name, stored_path, sha256, size_bytes, format, encoding,
	status, rows_read, rows_inserted, rows_updated, rows_rejected, rows_skipped, rows_superseded,
	duplicate_of, error, error_problem, notes, notes_problems, started_at, finished_at,
	source_path, move_pending, preset, mapping_hash, forced, columns, ingest_path, ingest_path_reason
) values (
	$id, $run_id, $dataset, $mapping, $file_name, $stored_path, $sha256, $size_bytes, $format, $encoding,
	$status, $rows_read, $rows_inserted, $rows_updated, $rows_rejected, $rows_skipped, $rows_superseded,
	$duplicate_of, $error, cast($error_problem as json), $notes, cast($notes_problems as json), cast($started_at as timestamptz), now(),
	$source_path, $move_pending, $preset, $mapping_hash, $forced, cast($columns as json), $ingest_path, $ingest_path_reason
)
