-- pending_days: add the days a partial refresh (the survey rollups after a follow-up's answers)
-- rebuilt since the last whole refresh, for the domain steps of this one (pending_clear then
-- forgets them).
-- params: none
insert into refresh_touched
select day from refresh_pending_days where day not in (select day from refresh_touched)
