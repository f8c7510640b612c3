-- sla_daily_insert: the SLA summary (sla_daily, migration 023) of the days being rebuilt (temp
-- table sla_daily_days), from the stored clocks.
-- grain: one row per local creation day × priority × team × channel × segment (nulls a group).
--   tickets = every clock of the group; fr_* / res_* = how many of its first-response /
--   resolution times are settled (sla_settled: their state is the same at every moment) and in
--   each state; not_measured = no_target or unknown. Unsettled times (running, not paused, with
--   a due time) are judged per request against now (queries/sla/compliance.sql).
--   A settled time's state never compares with now, so it is judged with a null moment.
-- params: none
insert into sla_daily
with s as (
	select created_day, priority, team, channel, segment,
		case when sla_settled(fr_target_s, fr_stopped, fr_paused, fr_due_at)
			then sla_state(fr_target_s, fr_stopped, fr_paused, fr_elapsed_s, fr_due_at, fr_risk_at, fr_risk_s, cast(null as timestamptz)) end as fr,
		case when sla_settled(res_target_s, res_stopped, res_paused, res_due_at)
			then sla_state(res_target_s, res_stopped, res_paused, res_elapsed_s, res_due_at, res_risk_at, res_risk_s, cast(null as timestamptz)) end as res
	from sla_clocks
	where created_day in (select day from sla_daily_days)
)
select created_day, priority, team, channel, segment,
	count(*),
	count(*) filter (where fr = 'met'), count(*) filter (where fr = 'breached'), count(*) filter (where fr = 'pending'),
	count(*) filter (where fr = 'at_risk'), count(*) filter (where fr in ('no_target', 'unknown')),
	count(*) filter (where res = 'met'), count(*) filter (where res = 'breached'), count(*) filter (where res = 'pending'),
	count(*) filter (where res = 'at_risk'), count(*) filter (where res in ('no_target', 'unknown'))
from s
group by created_day, priority, team, channel, segment
