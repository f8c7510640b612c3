-- file_parts: the other imports of the same file in the same run (a preset reads one file into
-- several datasets: tickets, survey answers, customers), in load order.
-- params: $id INTEGER
select f.id, f.dataset, f.mapping, f.status, f.rows_inserted, f.rows_updated, f.rows_rejected, f.rows_skipped
from import_files f, import_files me
where me.id = $id and f.id <> me.id and f.run_id = me.run_id and f.sha256 = me.sha256 and f.file_name = me.file_name
	and coalesce(f.source_path, '') = coalesce(me.source_path, '')
order by f.id
