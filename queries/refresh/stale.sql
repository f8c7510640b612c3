-- refresh_stale: whether rows were committed that the derived tables do not include yet: a
-- file that loaded rows (inserted or updated) and that no refresh has taken in (refresh_files),
-- e.g. from a run that was killed between a file's commit and its refresh. True as well when
-- never refreshed.
-- params: none
select cast(
	not exists (select 1 from rollup_state where id = 1)
	or exists (
		select 1 from import_files f
		where f.status in ('loaded', 'with_rejects') and f.rows_inserted + f.rows_updated > 0
			and not exists (select 1 from refresh_files r where r.file_id = f.id)
	) as boolean) as stale
