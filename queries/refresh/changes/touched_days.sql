-- touched_days: the local days (unit's time zone) whose derived rows must be rebuilt: the days
-- changed rows fall in now and fell in before, and the days of survey answers about a changed
-- ticket (an answer carries its ticket's channel and team). Grain: day.
-- params: $tz VARCHAR
create or replace temp table refresh_touched as
select distinct cast(timezone($tz, counted_at) as date) as day
from (
	select counted_at from refresh_changed
	union all select counted_at from refresh_old
	union all
	select s.answered_at
	from survey_answers s
	semi join (select id from refresh_changed where dataset = 'tickets') c on c.id = s.ticket_id
)
