-- finish_run: close the record of one ingest run with its totals.
-- params: $id INTEGER, $status VARCHAR, totals INTEGER, $error VARCHAR (English), $problems VARCHAR (JSON list; null when none)
update import_runs set
	finished_at = now(), status = $status, files_seen = $files_seen, files_loaded = $files_loaded,
	files_duplicate = $files_duplicate, files_failed = $files_failed, rows_inserted = $rows_inserted,
	rows_updated = $rows_updated, rows_rejected = $rows_rejected, rows_skipped = $rows_skipped, error = $error,
	problems = cast($problems as json)
where id = $id
