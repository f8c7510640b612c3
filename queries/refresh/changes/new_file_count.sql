-- new_file_count: how many import files this refresh takes in.
-- params: none
select cast(count(*) as integer) as n from refresh_new_files
