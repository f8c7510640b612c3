-- 014_inbox_bookkeeping: where each imported file lay in the inbox and whether it has been
-- moved out yet, so that a file whose move failed (or was cut off by a crash between the
-- commit and the move) is moved later instead of jamming the inbox or being loaded again.
--
-- import_files.stored_path is now written with the record, as where the file is going
-- (processed/… or failed/…); move_pending stays true until the file is there.

alter table import_files add column source_path varchar;     -- path inside the inbox: <dataset>/[<mapping>/]<name>
alter table import_files add column move_pending boolean default false;
alter table import_files add column move_problem json;       -- {key, params}: why the last move failed

-- Files recorded before this version and never moved (a crash between commit and move):
-- look for them where such files lay, <dataset>/<name>; settling checks their hash first.
update import_files set source_path = dataset || '/' || file_name, move_pending = true
where stored_path is null;
