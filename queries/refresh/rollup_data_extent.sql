-- rollup_data_extent: the first and last local day (unit's time zone) with any ticket, call or
-- survey answer, found once per refresh: every page's default period needs it (the last 30
-- days that have data). One row; null days when nothing is loaded. Read from the day rollups
-- (every ticket, call and answer is in exactly one of their local days), which a refresh has
-- just brought up to date: a few thousand rows instead of every loaded row.
-- params: none
create or replace table rollup_data_extent as
select min(d) as first_day, max(d) as last_day
from (
	select min(local_day) as d from rollup_tickets_daily
	union all select max(local_day) from rollup_tickets_daily
	union all select min(local_day) from rollup_calls_daily
	union all select max(local_day) from rollup_calls_daily
	union all select min(local_day) from rollup_survey_answers
	union all select max(local_day) from rollup_survey_answers
)
