-- new_files: the import files committed since the derived tables were built (not yet in
-- refresh_files), with their dataset and whether they updated rows already loaded (only then
-- may a row have been counted in another day before). Failed and duplicate files wrote nothing.
-- params: none
create or replace temp table refresh_new_files as
select f.id, f.dataset, f.rows_updated
from import_files f
where f.status in ('loaded', 'with_rejects')
	and not exists (select 1 from refresh_files r where r.file_id = f.id)
