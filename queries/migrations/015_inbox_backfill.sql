-- 015_inbox_backfill: files recorded before 014 and never moved out of the inbox (a crash
-- between a file's commit and its move left them without a stored path): look for them where
-- such files lay, <dataset>/<name>, and let the next run or start finish their move (it
-- checks the file's hash first, and lets the record go when the file is not there).
update import_files set source_path = dataset || '/' || file_name, move_pending = true
where stored_path is null and source_path is null
