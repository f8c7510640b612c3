-- sla_open_counts: how many open tickets have a breached or an at-risk time now (either time).
-- Read from sla_open_clocks (migration 023): the clocks of the tickets with a time not stopped.
-- grain: one row.
-- params: $now TIMESTAMPTZ
with s as (
	select
		sla_state(fr_target_s, fr_stopped, fr_paused, fr_elapsed_s, fr_due_at, fr_risk_at, fr_risk_s, cast($now as timestamptz)) as fr,
		sla_state(res_target_s, res_stopped, res_paused, res_elapsed_s, res_due_at, res_risk_at, res_risk_s, cast($now as timestamptz)) as res
	from sla_open_clocks
	where not (fr_stopped and res_stopped)
)
select
	cast(count(*) filter (where (fr = 'breached' and res <> 'met') or res = 'breached') as integer) as breached,
	cast(count(*) filter (where not ((fr = 'breached' and res <> 'met') or res = 'breached') and (fr = 'at_risk' or res = 'at_risk')) as integer) as at_risk
from s
