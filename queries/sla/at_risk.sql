-- sla_at_risk: the open tickets whose first response or resolution is breached or at risk now,
-- most urgent first (most time over, then least time left), one row per ticket and time.
-- elapsed = business (or calendar) seconds since creation, pauses excluded, as of $now:
--   running clock: B(now) − base_s (B = business seconds of business_intervals, or epoch seconds
--   on a calendar clock); paused clock: the frozen elapsed_s. left = target − elapsed (< 0: over).
-- Read from sla_open_clocks (migration 023: the clocks of tickets with a time not stopped, the
--   only ones with a running clock), the page cut (materialized) before the customer and subject
--   are joined; the subject's join also matches created_at, which the clock copied from the
--   ticket, so the scan of tickets (no key index, migration 025) skips row groups by date.
-- grain: one row per ticket and time (first_response | resolution).
-- params: $now TIMESTAMPTZ, $priority, $team, $channel, $segment VARCHAR (null: all),
--   $state VARCHAR (null | at_risk | breached), $metric VARCHAR (null | first_response | resolution),
--   $limit INTEGER, $offset INTEGER
with bnow as (
	select coalesce(i.cum_before + least(x.s - i.start_s, i.end_s - i.start_s), 0) as b, x.s as e
	from (select epoch(cast($now as timestamptz)) as s) x
	asof left join business_intervals i on x.s >= i.start_s
),
clocks as (
	select s.*, 'first_response' as metric, s.fr_target_s as target_s, s.fr_clock as clock, s.fr_paused as paused,
		s.fr_elapsed_s as frozen_s, s.fr_base_s as base_s, s.fr_due_at as due_at,
		sla_state(s.fr_target_s, s.fr_stopped, s.fr_paused, s.fr_elapsed_s, s.fr_due_at, s.fr_risk_at, s.fr_risk_s, cast($now as timestamptz)) as state
	from sla_open_clocks s
	where not s.fr_stopped and s.fr_target_s is not null
	union all
	select s.*, 'resolution', s.res_target_s, s.res_clock, s.res_paused, s.res_elapsed_s, s.res_base_s, s.res_due_at,
		sla_state(s.res_target_s, s.res_stopped, s.res_paused, s.res_elapsed_s, s.res_due_at, s.res_risk_at, s.res_risk_s, cast($now as timestamptz))
	from sla_open_clocks s
	where not s.res_stopped and s.res_target_s is not null
),
listed as (
	select c.*,
		case when c.paused then c.frozen_s when c.clock = 'calendar' then bnow.e - c.base_s else bnow.b - c.base_s end as elapsed_s
	from clocks c, bnow
	where c.state in ('at_risk', 'breached')
		and ($state is null or c.state = $state)
		and ($metric is null or c.metric = $metric)
		and ($priority is null or c.priority = $priority)
		and ($team is null or c.team = $team)
		and ($channel is null or c.channel = $channel)
		and ($segment is null or c.segment = $segment)
),
page as materialized (
	select l.*,
		cast(l.target_s - greatest(0, l.elapsed_s) as double) as left_s,
		cast(count(*) over () as integer) as total
	from listed l
	order by left_s, l.ticket_id, l.metric
	limit $limit offset $offset
)
select
	l.ticket_id, l.metric, l.state, l.priority, l.team, l.channel, l.assignee, l.segment, l.tier, l.status,
	l.customer_id, cu.name as customer_name,
	cast(l.created_at as varchar) as created_at,
	cast(l.due_at as varchar) as due_at,
	l.clock, l.paused,
	cast(l.target_s as double) as target_s,
	cast(greatest(0, l.elapsed_s) as double) as elapsed_s,
	l.left_s,
	t.subject,
	l.total
from page l
left join customers cu on cu.id = l.customer_id
left join tickets t on t.id = l.ticket_id and t.created_at = l.created_at
order by l.left_s, l.ticket_id, l.metric
