-- rollup_data_extent: the first and last local day (unit's time zone) with any ticket, call or
-- survey answer, found once per refresh: every page's default period needs it (the last 30
-- days that have data). One row; null days when nothing is loaded.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_data_extent as
select min(d) as first_day, max(d) as last_day
from (
	select cast(timezone($tz, min(created_at)) as date) as d from tickets
	union all select cast(timezone($tz, max(created_at)) as date) from tickets
	union all select cast(timezone($tz, min(started_at)) as date) from calls
	union all select cast(timezone($tz, max(started_at)) as date) from calls
	union all select cast(timezone($tz, min(answered_at)) as date) from survey_answers
	union all select cast(timezone($tz, max(answered_at)) as date) from survey_answers
)
