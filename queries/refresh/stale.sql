-- refresh_stale: whether rows were committed that the derived tables do not include yet: a
-- file loaded (rows inserted or updated) after the last refresh began, e.g. by a run that
-- was killed between a file's commit and its refresh. True as well when never refreshed.
-- params: none
select cast(
	not exists (select 1 from rollup_state where id = 1)
	or exists (
		select 1 from import_files f, rollup_state s
		where s.id = 1 and f.rows_inserted + f.rows_updated > 0 and f.finished_at > s.refreshed_at
	) as boolean) as stale
