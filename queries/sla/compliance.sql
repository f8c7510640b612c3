-- sla_compliance: SLA compliance of tickets created in a period, for each of the two times
-- (first response, resolution): overall, and by priority, team, channel, customer segment and
-- period, in one scan (grouping sets).
-- KPI: compliance = met / (met + breached); open tickets still within their target (pending,
--   at_risk) are not counted in it; tickets without a target (no_target) or without a recorded
--   stop time (unknown) neither. States as of $now (sla_state, migration 006).
-- How: the states of settled times (sla_settled: the same at every moment) are counted ahead in
--   the summary sla_daily (migration 023, kept by the SLA refresh), which also counts every
--   ticket; only the unsettled times (running, not paused, with a due time: on open tickets,
--   whose clocks sla_open_clocks holds) are judged against $now here, each time of a clock once,
--   and added in. Same figures as judging every clock of sla_clocks.
-- grain: one row per (dim, key): dim 'all' (one row), 'priority', 'team', 'channel', 'segment',
--   'period' (one row per period of $grain by the ticket's local creation day, in the unit's calendar).
-- params: $from DATE, $to DATE, $now TIMESTAMPTZ, $grain VARCHAR (day|week|month|quarter|year),
--   $priority, $team, $channel, $segment VARCHAR (null: all)
with live as (
	select
		s.created_day, s.priority, s.team, s.channel, s.segment,
		case when not sla_settled(s.fr_target_s, s.fr_stopped, s.fr_paused, s.fr_due_at)
			then sla_state(s.fr_target_s, s.fr_stopped, s.fr_paused, s.fr_elapsed_s, s.fr_due_at, s.fr_risk_at, s.fr_risk_s, cast($now as timestamptz)) end as fr,
		case when not sla_settled(s.res_target_s, s.res_stopped, s.res_paused, s.res_due_at)
			then sla_state(s.res_target_s, s.res_stopped, s.res_paused, s.res_elapsed_s, s.res_due_at, s.res_risk_at, s.res_risk_s, cast($now as timestamptz)) end as res
	from sla_open_clocks s
	where s.created_day between cast($from as date) and cast($to as date)
		and not (sla_settled(s.fr_target_s, s.fr_stopped, s.fr_paused, s.fr_due_at) and sla_settled(s.res_target_s, s.res_stopped, s.res_paused, s.res_due_at))
		and ($priority is null or s.priority = $priority)
		and ($team is null or s.team = $team)
		and ($channel is null or s.channel = $channel)
		and ($segment is null or s.segment = $segment)
),
counts as (
	select created_day, priority, team, channel, segment, tickets,
		fr_met, fr_breached, fr_pending, fr_at_risk, fr_not_measured,
		res_met, res_breached, res_pending, res_at_risk, res_not_measured
	from sla_daily
	where created_day between cast($from as date) and cast($to as date)
		and ($priority is null or priority = $priority)
		and ($team is null or team = $team)
		and ($channel is null or channel = $channel)
		and ($segment is null or segment = $segment)
	union all
	-- an unsettled time (fr or res null: settled, already in the summary) counts 1 in its state
	select created_day, priority, team, channel, segment, 0,
		cast(fr = 'met' as integer), cast(fr = 'breached' as integer), cast(fr = 'pending' as integer),
		cast(fr = 'at_risk' as integer), cast(fr in ('no_target', 'unknown') as integer),
		cast(res = 'met' as integer), cast(res = 'breached' as integer), cast(res = 'pending' as integer),
		cast(res = 'at_risk' as integer), cast(res in ('no_target', 'unknown') as integer)
	from live
),
c as (
	select x.*,
		cast(case $grain when 'day' then d.day when 'week' then d.week_start when 'month' then d.month_start when 'quarter' then d.quarter_start else d.year_start end as varchar) as period
	from counts x
	join calendar_days d on d.day = x.created_day
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
	cast(coalesce(sum(tickets), 0) as integer) as tickets,
	cast(coalesce(sum(fr_met), 0) as integer) as fr_met,
	cast(coalesce(sum(fr_breached), 0) as integer) as fr_breached,
	cast(coalesce(sum(fr_pending), 0) as integer) as fr_pending,
	cast(coalesce(sum(fr_at_risk), 0) as integer) as fr_at_risk,
	cast(coalesce(sum(fr_not_measured), 0) as integer) as fr_not_measured,
	cast(coalesce(sum(res_met), 0) as integer) as res_met,
	cast(coalesce(sum(res_breached), 0) as integer) as res_breached,
	cast(coalesce(sum(res_pending), 0) as integer) as res_pending,
	cast(coalesce(sum(res_at_risk), 0) as integer) as res_at_risk,
	cast(coalesce(sum(res_not_measured), 0) as integer) as res_not_measured
from c
group by grouping sets ((), (priority), (team), (channel), (segment), (period))
order by dim, key nulls last
