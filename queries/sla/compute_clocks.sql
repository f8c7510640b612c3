-- sla_compute_clocks: the SLA clocks of the dirty tickets (temp table sla_dirty), inserted into
-- sla_clocks (their old rows were deleted first; see migrations 006 and 022 for the columns'
-- meaning).
--
-- Definitions (mission: SLA compliance):
--   first response = first_response_at, or the resolution when it came first or no response
--     was recorded (a ticket resolved before its first response is recorded was answered by
--     the resolution); resolution = resolved_at, else closed_at.
--   elapsed = time from created_at to the stop, counted on the policy's clock (business: the
--     unit's open intervals; calendar: every second), minus the time spent in a pause status
--     ($pause, from ticket_status_changes: a pause runs from entering a pause status to the
--     next status change).
--   target = the policy in force on the ticket's local creation day (latest active version with
--     effective_from <= that day), for its priority and its customer's tier, else the default ('').
--   B(t) = business seconds up to t = cum_before + least(epoch(t) − start_s, end_s − start_s) of
--     the last business interval starting at or before t; E(t) = epoch(t).
-- params: $tz VARCHAR, $pause VARCHAR (JSON list of statuses), $share DOUBLE (at-risk share of the target)
insert into sla_clocks by name
with t as (
	select
		t.id, t.customer_id, t.priority, t.team, t.channel, t.assignee, t.status, t.created_at,
		cast(timezone($tz, t.created_at) as date) as created_day,
		coalesce(t.resolved_at, t.closed_at) as res_at,
		least(t.first_response_at, coalesce(t.resolved_at, t.closed_at)) as fr_at,
		t.status in ('resolved', 'closed') as done,
		c.segment,
		coalesce(c.tier, '') as tier
	from tickets t
	join (select distinct ticket_id from sla_dirty) d on d.ticket_id = t.id
	left join customers c on c.id = t.customer_id
),
versions as (
	select distinct version, effective_from from sla_policies where retired_at is null
),
tv as (
	select t.*, v.version from t asof left join versions v on t.created_day >= v.effective_from
),
pol as (
	select
		tv.*,
		60.0 * case when p.priority is not null then p.first_response_minutes else d.first_response_minutes end as fr_target_s,
		coalesce(case when p.priority is not null then p.first_response_clock else d.first_response_clock end, 'business') as fr_clock,
		60.0 * case when p.priority is not null then p.resolution_minutes else d.resolution_minutes end as res_target_s,
		coalesce(case when p.priority is not null then p.resolution_clock else d.resolution_clock end, 'business') as res_clock
	from tv
	left join sla_policies p on p.version = tv.version and p.priority = tv.priority and p.tier = tv.tier and tv.tier <> ''
	left join sla_policies d on d.version = tv.version and d.priority = tv.priority and d.tier = ''
),
changes as (
	select s.ticket_id, s.changed_at, s.status,
		lead(s.changed_at) over (partition by s.ticket_id order by s.changed_at, s.status) as next_at
	from ticket_status_changes s
	join (select distinct ticket_id from sla_dirty) d on d.ticket_id = s.ticket_id
),
pauses as (
	select ticket_id, changed_at as ps, next_at as pe
	from changes
	where list_contains(from_json($pause, '["VARCHAR"]'), status)
),
instants as (
	select created_at as at from pol
	union select fr_at from pol where fr_at is not null
	union select res_at from pol where res_at is not null
	union select ps from pauses
	union select pe from pauses where pe is not null
),
bt as (
	select x.at, epoch(x.at) as e, coalesce(i.cum_before + least(epoch(x.at) - i.start_s, i.end_s - i.start_s), 0) as b
	from instants x
	asof left join business_intervals i on epoch(x.at) >= i.start_s
),
-- Per ticket: B and E of its instants.
tb as (
	select pol.*,
		bc.b as bc, bc.e as ec, bf.b as bf, bf.e as ef, br.b as br, br.e as er
	from pol
	join bt bc on bc.at = pol.created_at
	left join bt bf on bf.at = pol.fr_at
	left join bt br on br.at = pol.res_at
),
-- Per ticket: paused time inside [created, stop] for each stop, paused time of completed
-- pauses (running clocks), and the start of a pause still going on.
pz as (
	select p.ticket_id,
		sum(greatest(0, least(coalesce(bpe.b, 1e18), tb.bf) - greatest(bps.b, tb.bc))) as fr_paused_b,
		sum(greatest(0, least(coalesce(bpe.e, 1e18), tb.ef) - greatest(bps.e, tb.ec))) as fr_paused_e,
		sum(greatest(0, least(coalesce(bpe.b, 1e18), tb.br) - greatest(bps.b, tb.bc))) as res_paused_b,
		sum(greatest(0, least(coalesce(bpe.e, 1e18), tb.er) - greatest(bps.e, tb.ec))) as res_paused_e,
		coalesce(sum(greatest(0, bpe.b - greatest(bps.b, tb.bc))) filter (where p.pe is not null), 0) as done_paused_b,
		coalesce(sum(greatest(0, bpe.e - greatest(bps.e, tb.ec))) filter (where p.pe is not null), 0) as done_paused_e,
		max(bps.b) filter (where p.pe is null) as open_pause_b,
		max(bps.e) filter (where p.pe is null) as open_pause_e
	from pauses p
	join tb on tb.id = p.ticket_id
	join bt bps on bps.at = p.ps
	left join bt bpe on bpe.at = p.pe
	group by p.ticket_id
),
clocks as (
	select tb.*,
		tb.fr_at is not null or tb.done as fr_stopped,
		tb.res_at is not null or tb.done as res_stopped,
		pz.open_pause_b is not null as in_pause,
		-- elapsed at the stop, on each clock
		case when tb.fr_clock = 'calendar' then tb.ef - tb.ec - coalesce(pz.fr_paused_e, 0) else tb.bf - tb.bc - coalesce(pz.fr_paused_b, 0) end as fr_final,
		case when tb.res_clock = 'calendar' then tb.er - tb.ec - coalesce(pz.res_paused_e, 0) else tb.br - tb.bc - coalesce(pz.res_paused_b, 0) end as res_final,
		-- a running clock: elapsed(now) = B(now) − base (or E(now) − base)
		case when tb.fr_clock = 'calendar' then tb.ec + coalesce(pz.done_paused_e, 0) else tb.bc + coalesce(pz.done_paused_b, 0) end as fr_base,
		case when tb.res_clock = 'calendar' then tb.ec + coalesce(pz.done_paused_e, 0) else tb.bc + coalesce(pz.done_paused_b, 0) end as res_base,
		case when tb.fr_clock = 'calendar' then pz.open_pause_e else pz.open_pause_b end as fr_open_pause,
		case when tb.res_clock = 'calendar' then pz.open_pause_e else pz.open_pause_b end as res_open_pause
	from tb
	left join pz on pz.ticket_id = tb.id
),
-- When each time breaches (migration 022): the instant its elapsed time passes the target. On
-- the time's clock (business or epoch seconds, c0 at creation) the elapsed time at x is
-- x − c0 − the paused time before x. Pauses come one after another, so the elapsed time at each
-- pause's start grows from pause to pause: the breach falls in the running stretch before the
-- first pause that starts past the target, at x = c0 + target + the pauses before that one, or
-- after the last pause (c0 + target + all pauses), or never while a pause goes on.
times as (
	select id, 'fr' as metric, fr_clock as clock, case when fr_clock = 'calendar' then ec else bc end as c0, fr_target_s as target_s,
		fr_stopped as stopped, fr_at is not null as timed, fr_final as final
	from clocks
	union all
	select id, 'res', res_clock, case when res_clock = 'calendar' then ec else bc end, res_target_s, res_stopped, res_at is not null, res_final
	from clocks
),
spans as (
	select t.id, t.metric, t.c0, t.target_s,
		case when t.clock = 'calendar' then greatest(bps.e, t.c0) else greatest(bps.b, t.c0) end as a,
		-- null: the pause goes on (greatest() skips nulls, so say it)
		case
			when p.pe is null then null
			when t.clock = 'calendar' then greatest(0, bpe.e - greatest(bps.e, t.c0))
			else greatest(0, bpe.b - greatest(bps.b, t.c0))
		end as len
	from times t
	join pauses p on p.ticket_id = t.id
	join bt bps on bps.at = p.ps
	left join bt bpe on bpe.at = p.pe
	where t.target_s is not null
),
spans_before as (
	select *, coalesce(sum(len) over (partition by id, metric order by a, len nulls last rows between unbounded preceding and 1 preceding), 0) as paused_before
	from spans
),
pause_totals as (
	select id, metric,
		min(paused_before) filter (where a - c0 - paused_before > target_s) as paused_to_breach,
		coalesce(sum(len), 0) as paused_total,
		bool_or(len is null) as still_paused
	from spans_before
	group by id, metric
),
breach_points as (
	select t.id, t.metric, t.clock,
		t.c0 + t.target_s + coalesce(z.paused_to_breach, case when coalesce(z.still_paused, false) then null else coalesce(z.paused_total, 0) end) as x
	from times t
	left join pause_totals z on z.id = t.id and z.metric = t.metric
	where t.target_s is not null
		-- a stopped time breached only when it stopped past its target
		and (not t.stopped or (t.timed and greatest(0, t.final) > t.target_s))
),
-- Business moments to find for running clocks: base + target (due) and base + share × target
-- (at risk); and every breach on a business clock.
goals as (
	select fr_base + fr_target_s as x from clocks where not fr_stopped and fr_clock = 'business' and fr_target_s is not null
	union select fr_base + $share * fr_target_s from clocks where not fr_stopped and fr_clock = 'business' and fr_target_s is not null
	union select res_base + res_target_s from clocks where not res_stopped and res_clock = 'business' and res_target_s is not null
	union select res_base + $share * res_target_s from clocks where not res_stopped and res_clock = 'business' and res_target_s is not null
	union select x from breach_points where clock = 'business' and x is not null
),
-- The instant at which B reaches x: inside the interval holding it (null past the materialised calendar).
inv as (
	select g.x, case when g.x - i.cum_before <= i.end_s - i.start_s then to_timestamp(i.start_s + (g.x - i.cum_before)) end as at
	from goals g
	asof left join business_intervals i on g.x >= i.cum_before
)
select
	c.id as ticket_id, c.customer_id, c.priority, c.team, c.channel, c.assignee, c.segment,
	nullif(c.tier, '') as tier, c.status, c.created_at, c.created_day, c.version as policy_version,
	c.fr_target_s, c.fr_clock, c.fr_stopped,
	not c.fr_stopped and c.fr_open_pause is not null as fr_paused,
	case
		when c.fr_at is not null then greatest(0, c.fr_final)
		when c.fr_stopped then null
		when c.fr_open_pause is not null then greatest(0, c.fr_open_pause - c.fr_base)
	end as fr_elapsed_s,
	case when not c.fr_stopped then c.fr_base end as fr_base_s,
	case when not c.fr_stopped and c.fr_open_pause is null then
		case when c.fr_clock = 'calendar' then to_timestamp(c.fr_base + c.fr_target_s) else fd.at end
	end as fr_due_at,
	case when not c.fr_stopped and c.fr_open_pause is null then
		case when c.fr_clock = 'calendar' then to_timestamp(c.fr_base + $share * c.fr_target_s) else fk.at end
	end as fr_risk_at,
	$share * c.fr_target_s as fr_risk_s,
	c.fr_at,
	c.res_target_s, c.res_clock, c.res_stopped,
	not c.res_stopped and c.res_open_pause is not null as res_paused,
	case
		when c.res_at is not null then greatest(0, c.res_final)
		when c.res_stopped then null
		when c.res_open_pause is not null then greatest(0, c.res_open_pause - c.res_base)
	end as res_elapsed_s,
	case when not c.res_stopped then c.res_base end as res_base_s,
	case when not c.res_stopped and c.res_open_pause is null then
		case when c.res_clock = 'calendar' then to_timestamp(c.res_base + c.res_target_s) else rd.at end
	end as res_due_at,
	case when not c.res_stopped and c.res_open_pause is null then
		case when c.res_clock = 'calendar' then to_timestamp(c.res_base + $share * c.res_target_s) else rk.at end
	end as res_risk_at,
	$share * c.res_target_s as res_risk_s,
	c.res_at,
	case when fb.clock = 'calendar' then to_timestamp(fb.x) else fbi.at end as fr_breach_at,
	case when rb.clock = 'calendar' then to_timestamp(rb.x) else rbi.at end as res_breach_at,
	now() as computed_at
from clocks c
left join inv fd on fd.x = c.fr_base + c.fr_target_s
left join inv fk on fk.x = c.fr_base + $share * c.fr_target_s
left join inv rd on rd.x = c.res_base + c.res_target_s
left join inv rk on rk.x = c.res_base + $share * c.res_target_s
left join breach_points fb on fb.id = c.id and fb.metric = 'fr'
left join inv fbi on fbi.x = fb.x
left join breach_points rb on rb.id = c.id and rb.metric = 'res'
left join inv rbi on rbi.x = rb.x
