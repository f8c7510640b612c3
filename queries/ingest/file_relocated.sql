-- file_relocated: a kept file moved (loaded again, it went from failed/ to processed/ or back):
-- every import of it now points at its new place.
-- params: $from VARCHAR, $to VARCHAR (paths relative to the data folder)
update import_files set stored_path = $to
where stored_path = $from and not coalesce(move_pending, false)
