-- sla_compliance: SLA compliance of tickets created in a period, for each of the two times
-- (first response, resolution): overall, and by priority, team, channel, customer segment and
-- period, in one scan (grouping sets).
-- KPI: compliance = met / (met + breached); open tickets still within their target (pending,
--   at_risk) are not counted in it; tickets without a target (no_target) or without a recorded
--   stop time (unknown) neither. States as of $now (sla_state, migration 006).
-- grain: one row per (dim, key): dim 'all' (one row), 'priority', 'team', 'channel', 'segment',
--   'period' (one row per period of $grain by the ticket's local creation day, in the unit's calendar).
-- params: $from DATE, $to DATE, $now TIMESTAMPTZ, $grain VARCHAR (day|week|month|quarter|year),
--   $priority, $team, $channel, $segment VARCHAR (null: all)
with c as (
	select
		s.priority, s.team, s.channel, s.segment,
		cast(case $grain when 'day' then d.day when 'week' then d.week_start when 'month' then d.month_start when 'quarter' then d.quarter_start else d.year_start end as varchar) as period,
		sla_state(s.fr_target_s, s.fr_stopped, s.fr_paused, s.fr_elapsed_s, s.fr_due_at, s.fr_risk_at, s.fr_risk_s, cast($now as timestamptz)) as fr,
		sla_state(s.res_target_s, s.res_stopped, s.res_paused, s.res_elapsed_s, s.res_due_at, s.res_risk_at, s.res_risk_s, cast($now as timestamptz)) as res
	from sla_clocks s
	join calendar_days d on d.day = s.created_day
	where s.created_day between cast($from as date) and cast($to as date)
		and ($priority is null or s.priority = $priority)
		and ($team is null or s.team = $team)
		and ($channel is null or s.channel = $channel)
		and ($segment is null or s.segment = $segment)
)
select
	case
		when grouping(priority) = 0 then 'priority'
		when grouping(team) = 0 then 'team'
		when grouping(channel) = 0 then 'channel'
		when grouping(segment) = 0 then 'segment'
		when grouping(period) = 0 then 'period'
		else 'all'
	end as dim,
	coalesce(priority, team, channel, segment, period) as key,
	cast(count(*) as integer) as tickets,
	cast(count(*) filter (where fr = 'met') as integer) as fr_met,
	cast(count(*) filter (where fr = 'breached') as integer) as fr_breached,
	cast(count(*) filter (where fr = 'pending') as integer) as fr_pending,
	cast(count(*) filter (where fr = 'at_risk') as integer) as fr_at_risk,
	cast(count(*) filter (where fr in ('no_target', 'unknown')) as integer) as fr_not_measured,
	cast(count(*) filter (where res = 'met') as integer) as res_met,
	cast(count(*) filter (where res = 'breached') as integer) as res_breached,
	cast(count(*) filter (where res = 'pending') as integer) as res_pending,
	cast(count(*) filter (where res = 'at_risk') as integer) as res_at_risk,
	cast(count(*) filter (where res in ('no_target', 'unknown')) as integer) as res_not_measured
from c
group by grouping sets ((), (priority), (team), (channel), (segment), (period))
order by dim, key nulls last
