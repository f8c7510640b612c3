-- import_for_reload: what "load again" needs of an import: its file (where it is kept), where
-- it lay in the inbox (its dataset folder and the layout the folder named) and its dataset.
-- params: $id INTEGER
select id, dataset, mapping, preset, file_name, stored_path, source_path, coalesce(move_pending, false) as move_pending, status
from import_files
where id = $id
