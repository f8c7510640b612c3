-- pending_count: local days left by refreshes of the survey rollups alone (answers written in the
-- app) for the next whole refresh's domain steps; their source is not recorded, so a refresh
-- that takes them in rebuilds every day table for the touched days.
-- params: none
select cast(count(*) as integer) as n from refresh_pending_days
