-- fold_files: the new files' rows are now in the derived tables.
-- params: none
insert into refresh_files select id from refresh_new_files on conflict do nothing
