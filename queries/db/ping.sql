-- ping: the database answers.
-- params: none
select 1 as ok
