-- rollup_survey_answers: every survey answer with what it is filtered and listed by, resolved
-- once per refresh instead of per request: its local day (unit's time zone), its channel (the
-- ticket's channel for an answer about a ticket, else the channel it came through), the team of
-- its ticket, its customer's segment and name. The answers list (queries/surveys/answers.sql)
-- reads it without joins, and rollup_surveys_daily sums it, so both use one definition.
-- (Runs before rollup_surveys_daily: rollups run in the order of their names.)
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build (src/lib/server/refresh/rollups.ts deletes and rebuilds those days' rows
-- on a load, or builds every day); $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants
-- that bound those days with a margin, a cheap cut that lets DuckDB skip row groups (the exact
-- cut is on the local day).
select
	s.id,
	s.answered_at,
	s.local_day,
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
from (
	select *, cast(timezone($tz, answered_at) as date) as local_day
	from survey_answers
	where answered_at >= cast($lo as timestamptz) and answered_at < cast($hi as timestamptz)
) s
left join customers c on c.id = s.customer_id
left join tickets t on t.id = s.ticket_id
where s.local_day between cast($from as date) and cast($to as date)
order by s.answered_at, s.id
