-- touched_list: the touched days, oldest first.
-- params: none
select cast(day as varchar) as day from refresh_touched order by day
