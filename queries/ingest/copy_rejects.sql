-- copy_rejects: keep the rows of one file that could not be loaded, from the per-file
-- temporary table into import_rejects (inside the file's transaction).
-- params: $file_id INTEGER
insert into import_rejects (file_id, line, record, column_name, value, reason, reason_key, reason_params, raw)
select $file_id, line, record, column_name, value, reason, reason_key, cast(reason_params as json), raw
from stage_rejects
order by record
