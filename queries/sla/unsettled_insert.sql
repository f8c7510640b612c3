-- sla_unsettled_insert: the recomputed clocks (temp table sla_dirty) with a time whose state
-- depends on the moment (not sla_settled: running, not paused, with a due time), with what
-- sla_state needs, into sla_unsettled (migration 023).
-- grain: one row per such ticket.
-- params: none
insert into sla_unsettled by name
select ticket_id, created_day, priority, team, channel, segment,
	fr_target_s, fr_stopped, fr_paused, fr_elapsed_s, fr_due_at, fr_risk_at, fr_risk_s,
	res_target_s, res_stopped, res_paused, res_elapsed_s, res_due_at, res_risk_at, res_risk_s
from sla_clocks
where ticket_id in (select ticket_id from sla_dirty)
	and not (sla_settled(fr_target_s, fr_stopped, fr_paused, fr_due_at) and sla_settled(res_target_s, res_stopped, res_paused, res_due_at))
