-- recount_interrupted_runs: a run cut off by a crash never wrote its totals; count them from
-- the files it committed (each file's record is written in the file's own transaction).
-- params: none
update import_runs r set
	files_seen = f.files, files_loaded = f.loaded, files_duplicate = f.duplicate, files_failed = f.failed,
	rows_inserted = f.inserted, rows_updated = f.updated, rows_rejected = f.rejected, rows_skipped = f.skipped
from (
	select run_id,
		cast(count(*) as integer) as files,
		cast(count(*) filter (where status in ('loaded', 'with_rejects')) as integer) as loaded,
		cast(count(*) filter (where status = 'duplicate') as integer) as duplicate,
		cast(count(*) filter (where status = 'failed') as integer) as failed,
		cast(sum(rows_inserted) as integer) as inserted,
		cast(sum(rows_updated) as integer) as updated,
		cast(sum(rows_rejected) as integer) as rejected,
		cast(sum(rows_skipped) as integer) as skipped
	from import_files
	group by run_id
) f
where r.id = f.run_id and r.status = 'interrupted' and r.files_seen < f.files
