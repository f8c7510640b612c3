-- file_moved: the file of an import is now at its stored path (processed/… or failed/…).
-- params: $id INTEGER, $stored_path VARCHAR (relative to the data folder)
update import_files set stored_path = $stored_path, move_pending = false, move_problem = null
where id = $id
