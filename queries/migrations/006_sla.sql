-- 006_sla: the business calendar as tables, SLA policies (versioned), per-ticket SLA clocks,
-- and the customer's contract tier the policies can depend on.

-- A contract tier of the customer (gold, silver … free text, lower case): SLA policies may set
-- other targets for a tier than the default of a priority.
alter table customers add column tier varchar;

-- The unit's working intervals, materialised by the refresh job (src/lib/server/business-calendar/
-- refresh.ts) for every day of calendar_days: one row per open interval, as instants (the wall
-- clock times of the settings turned into instants by ICU in the unit's zone), with the business
-- seconds of all earlier intervals. Business seconds up to an instant t are then
--   cum_before + least(epoch(t) - start_s, end_s - start_s)  of the last interval starting at or before t
-- (an ASOF join), so a business duration is the difference of two lookups.
create table business_intervals (
	start_at timestamptz not null primary key,
	end_at timestamptz not null,
	start_s double not null,           -- epoch seconds of start_at
	end_s double not null,
	cum_before double not null,        -- business seconds of all earlier intervals
	day date not null                  -- the local day the interval belongs to
);

-- What each local day's intervals were at the last refresh ('' on a closed day), to find the
-- days whose business time changed (a holiday added, hours edited, the zone changed).
create table business_days (
	day date primary key,
	signature varchar not null
);

-- Days whose business time changed in the current refresh (rebuilt by every refresh), with
-- the instants the local day starts and ends.
create table business_days_changed (
	day date primary key,
	day_start timestamptz not null,
	day_end timestamptz not null
);

-- SLA policies, versioned: a version is a full set of targets, in force for tickets created on
-- or after effective_from (a local day in the unit's zone) until a later version starts. Saving
-- targets adds a version; versions starting on or after its day are retired (kept for history).
-- A ticket's targets come from the version in force when it was created, for its priority and
-- its customer's tier (tier '' is the default of the priority).
create table sla_policies (
	version integer not null,
	effective_from date not null,
	priority varchar not null check (priority in ('critical', 'high', 'normal', 'low')),
	tier varchar not null default '',
	first_response_minutes integer check (first_response_minutes > 0),   -- null: no target
	first_response_clock varchar not null check (first_response_clock in ('business', 'calendar')),
	resolution_minutes integer check (resolution_minutes > 0),
	resolution_clock varchar not null check (resolution_clock in ('business', 'calendar')),
	created_at timestamptz not null default now(),
	retired_at timestamptz,
	primary key (version, priority, tier)
);

-- Per-ticket SLA clocks, kept by the refresh job (src/lib/server/sla/refresh.ts), for the two
-- times: fr_ = first response, res_ = resolution. For each:
--   target_s    the target in seconds (null: no target for the ticket's priority)
--   clock       'business' (the unit's working time) or 'calendar' (every second counts)
--   stopped     the time was reached (responded / resolved); elapsed_s is final
--   paused      still running but in a pause status now; elapsed_s is frozen
--   elapsed_s   business or calendar seconds from creation to the stop (pauses excluded),
--               for a running clock the elapsed time when the refresh ran
--   base_s      for a running clock: elapsed(now) = B(now) - base_s, where B is business
--               seconds (business_intervals) or epoch seconds (calendar clock)
--   due_at      for a running clock: when elapsed reaches the target (no further pause assumed)
--   risk_at     for a running clock: when elapsed reaches the at-risk share of the target
--   risk_s      the at-risk share of the target, in seconds
-- The state at a moment (met, breached, at_risk, pending) is sla_state(...) below.
-- No primary key or index: DuckDB deletes slowly through an index, and the refresh deletes and
-- re-inserts whole batches; one row per ticket is kept by deleting a ticket's row before inserting it.
create table sla_clocks (
	ticket_id varchar not null,
	customer_id varchar,
	priority varchar,
	team varchar,
	channel varchar,
	assignee varchar,
	segment varchar,
	tier varchar,
	status varchar,
	created_at timestamptz not null,
	created_day date not null,          -- local day in the unit's zone
	policy_version integer,
	fr_target_s double, fr_clock varchar, fr_stopped boolean, fr_paused boolean,
	fr_elapsed_s double, fr_base_s double, fr_due_at timestamptz, fr_risk_at timestamptz, fr_risk_s double,
	fr_at timestamptz,                  -- the first response (or the resolution, when that came first)
	res_target_s double, res_clock varchar, res_stopped boolean, res_paused boolean,
	res_elapsed_s double, res_base_s double, res_due_at timestamptz, res_risk_at timestamptz, res_risk_s double,
	res_at timestamptz,                 -- resolved_at, else closed_at
	computed_at timestamptz not null
);

-- What the last SLA refresh saw: the newest loaded_at of tickets, status changes and customers
-- (rows loaded later are new or changed), the clock rules and the active policies it used.
create table sla_refresh_state (
	id integer primary key,
	loaded_watermark timestamptz,
	rules_signature varchar not null,
	policies json not null,
	refreshed_at timestamptz not null
);

-- The state of one of a ticket's two times at the instant now_at:
--   no_target  the policy sets no target;  unknown  stopped but its time was not recorded;
--   met / breached  stopped within / past its target;
--   for an open ticket: breached once past its target, at_risk past the at-risk share, else pending.
create macro sla_state(target_s, stopped, paused, elapsed_s, due_at, risk_at, risk_s, now_at) as
	case
		when target_s is null then 'no_target'
		when stopped and elapsed_s is null then 'unknown'
		when stopped then case when elapsed_s <= target_s then 'met' else 'breached' end
		when paused then case when elapsed_s > target_s then 'breached' when elapsed_s >= risk_s then 'at_risk' else 'pending' end
		when due_at is null then 'pending'
		when now_at > due_at then 'breached'
		when now_at >= risk_at then 'at_risk'
		else 'pending'
	end;
