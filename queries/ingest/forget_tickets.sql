-- forget_tickets: the first half of merging one file's staged tickets (deduplicated by id): the
-- rows of the staged ids go, and insert_tickets writes them as the file has them (last row wins).
-- params: none
delete from tickets where id in (select id from stage)
