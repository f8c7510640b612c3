-- 014_inbox_bookkeeping: where each imported file lay in the inbox and whether it has been
-- moved out yet, so that a file whose move failed (or was cut off by a crash between the
-- commit and the move) is moved later instead of jamming the inbox or being loaded again.
--
-- import_files.stored_path is now written with the record, as where the file is going
-- (processed/… or failed/…); move_pending stays true until the file is there.

alter table import_files add column source_path varchar;     -- path inside the inbox: <dataset>/[<mapping>/]<name>
-- No default: DuckDB 1.5 refuses to commit a further ALTER of a table with rows after an
-- ADD COLUMN … DEFAULT in the same transaction. Null (older records) means not pending.
alter table import_files add column move_pending boolean;
alter table import_files add column move_problem json;       -- {key, params}: why the last move failed
-- Older records are settled by 015 (DuckDB does not update a table altered in the same transaction).
