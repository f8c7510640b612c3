-- file_left_inbox: the file of an import is no longer in the inbox (someone moved or deleted
-- it, or another file took its name) and not at its stored path either: nothing to move.
-- params: $id INTEGER
update import_files set stored_path = null, move_pending = false, move_problem = null
where id = $id
