-- rollup_survey_answers: every survey answer with what it is filtered and listed by, resolved
-- once per refresh instead of per request: its local day (unit's time zone), its channel (the
-- ticket's channel for an answer about a ticket, else the channel it came through), the team of
-- its ticket, its customer's segment and name. The answers list (queries/surveys/answers.sql)
-- reads it without joins, and rollup_surveys_daily sums it, so both use one definition.
-- (Runs before rollup_surveys_daily: rollups run in the order of their names.)
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_survey_answers as
select
	s.id,
	s.answered_at,
	cast(timezone($tz, s.answered_at) as date) as local_day,
	s.kind,
	s.score,
	s.occasion,
	coalesce(t.channel, s.channel) as channel,
	t.team,
	c.segment,
	s.customer_id,
	c.name as customer_name,
	nullif(s.ticket_id, '') as ticket_id,
	nullif(s.comment, '') as comment
from survey_answers s
left join customers c on c.id = s.customer_id
left join tickets t on t.id = s.ticket_id
order by s.answered_at, s.id
