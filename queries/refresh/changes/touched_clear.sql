-- touched_clear: no touched days (a refresh that rebuilds everything).
-- params: none
create or replace temp table refresh_touched (day date)
