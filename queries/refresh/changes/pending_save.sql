-- pending_save: remember the days a partial refresh rebuilt, for the next whole refresh's domain steps.
-- params: none
insert into refresh_pending_days
select day from refresh_touched where day not in (select day from refresh_pending_days)
