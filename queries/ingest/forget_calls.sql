-- forget_calls: the first half of merging one file's staged calls (deduplicated by id): the rows
-- of the staged ids go, and insert_calls writes them as the file has them (last row wins).
-- params: none
delete from calls where id in (select id from stage)
