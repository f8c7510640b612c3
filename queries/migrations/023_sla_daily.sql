-- 023_sla_daily: SLA compliance reads a per-day summary of the clocks whose state no longer
-- depends on the moment it is judged at, instead of judging every clock on each request.
--
-- A time (first response or resolution) of a ticket is settled when sla_state (migration 006)
-- gives the same state at every moment: no target (no_target), stopped (met, breached,
-- unknown), paused (its elapsed time is frozen), or running without a due time (pending). Its
-- state then changes only when the ticket's data changes, and the SLA refresh recomputes the
-- clock. Only a running, unpaused time with a due time is judged against now, per request.
create macro sla_settled(target_s, stopped, paused, due_at) as
	target_s is null or coalesce(stopped, false) or coalesce(paused, false) or due_at is null;

-- Per local creation day × priority × team × channel × segment (nulls kept as their own
-- group): tickets = every clock of the group; for each time (fr_ = first response, res_ =
-- resolution) the counts of its settled states only, so that a group's figure is these counts
-- plus the states of its unsettled times judged now (queries/sla/compliance.sql).
--   not_measured = no_target or unknown. A settled time is never judged per request.
-- Kept by the SLA refresh step (src/lib/server/sla/refresh.ts): the days of the recomputed
-- clocks (before and after) are rebuilt, or every day after a full recompute.
create table sla_daily (
	created_day date not null,
	priority varchar,
	team varchar,
	channel varchar,
	segment varchar,
	tickets integer not null,
	fr_met integer not null, fr_breached integer not null, fr_pending integer not null,
	fr_at_risk integer not null, fr_not_measured integer not null,
	res_met integer not null, res_breached integer not null, res_pending integer not null,
	res_at_risk integer not null, res_not_measured integer not null
);

-- The clocks of open tickets (a time not stopped: a few % of tickets), every column of
-- sla_clocks, so that a request judges the unsettled times (all on these clocks) and lists the
-- tickets at risk without scanning every clock. Kept by the SLA refresh step beside the
-- summary: the recomputed tickets' rows are replaced, or all after a full recompute. A column
-- added to sla_clocks is added here too (the refresh copies whole rows).
-- It is filled from the clocks the database holds now.
create table sla_open_clocks as
select * from sla_clocks where not (coalesce(fr_stopped, false) and coalesce(res_stopped, false));

-- A database that already holds clocks gets its summary now (the same statement as
-- queries/sla/daily_insert.sql for every day, at the time of this migration).
insert into sla_daily
with s as (
	select created_day, priority, team, channel, segment,
		case when sla_settled(fr_target_s, fr_stopped, fr_paused, fr_due_at)
			then sla_state(fr_target_s, fr_stopped, fr_paused, fr_elapsed_s, fr_due_at, fr_risk_at, fr_risk_s, cast(null as timestamptz)) end as fr,
		case when sla_settled(res_target_s, res_stopped, res_paused, res_due_at)
			then sla_state(res_target_s, res_stopped, res_paused, res_elapsed_s, res_due_at, res_risk_at, res_risk_s, cast(null as timestamptz)) end as res
	from sla_clocks
)
select created_day, priority, team, channel, segment,
	count(*),
	count(*) filter (where fr = 'met'), count(*) filter (where fr = 'breached'), count(*) filter (where fr = 'pending'),
	count(*) filter (where fr = 'at_risk'), count(*) filter (where fr in ('no_target', 'unknown')),
	count(*) filter (where res = 'met'), count(*) filter (where res = 'breached'), count(*) filter (where res = 'pending'),
	count(*) filter (where res = 'at_risk'), count(*) filter (where res in ('no_target', 'unknown'))
from s
group by created_day, priority, team, channel, segment;
