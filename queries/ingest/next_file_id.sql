-- next_file_id: reserve the id of an import_files row before the file's transaction starts,
-- so its rejects can point at it and a failed load can still be recorded under it.
-- params: none
select cast(nextval('import_file_id_seq') as integer) as id
