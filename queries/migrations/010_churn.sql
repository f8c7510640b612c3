-- 010_churn: silent-customer churn risk and the care unit's follow-up list.
-- The model is described in docs/churn-model.md; the refresh step that fills the derived
-- tables is src/lib/server/churn/refresh.ts.

-- When the current contact person of the customer took over (a new contact person is one of
-- the risk signals: seed 001's "IT team replaced after a management change"). Loaded from the
-- customers file when it has the column; otherwise the refresh step notices a changed
-- contact_name (customer_contact_changes below).
alter table customers add column contact_since date;

-- Contact names as the refresh job saw them: a row each time customers.contact_name differs
-- from the last one seen. The first sighting of a customer is not a change (initial = true).
create table customer_contact_changes (
	customer_id varchar not null,
	contact_name varchar,
	seen_at timestamptz not null,
	initial boolean not null,
	primary key (customer_id, seen_at)
);

-- Derived (rebuilt by every refresh): the local days on which a customer was in touch, with
-- what: tickets opened, incoming calls (answered or not) and survey answers given.
create table churn_contact_days (
	customer_id varchar not null,
	day date not null,
	prev_day date,                      -- the previous day in touch
	tickets integer not null,
	calls integer not null,
	answers integer not null
);

-- Derived (rebuilt by every refresh): tickets reopened (a status after resolved or closed that
-- is not resolved or closed), with when.
create table churn_reopens (
	ticket_id varchar not null,
	customer_id varchar,
	reopened_at timestamptz not null
);

-- The risk of every customer as of a local day: the facts behind each factor, each factor's
-- contribution (points out of 100) and the score. One row per customer and day the model ran
-- (the refresh runs it for today; the first refresh, and a change of the churn settings,
-- reconstruct one day a week back in time from the data as it was then: reconstructed = true).
create table churn_risk_history (
	as_of date not null,
	customer_id varchar not null,
	-- active | lapsed (renewal date passed without a newer one) | lost (marked lost) | not_started
	status varchar not null,
	score double not null,
	rank integer,                       -- among active customers, 1 = highest risk
	silence_days integer,               -- days since the last contact (null: never in touch)
	last_contact_day date,
	contact_days integer not null,      -- days in touch within the rhythm look-back
	gaps integer not null,              -- gaps between those days
	usual_gap double,                   -- the customer's own mean gap, or its segment's
	rhythm_basis varchar not null,      -- own | segment
	silence_ratio double,               -- silence_days / usual_gap
	last_nps integer,
	last_nps_day date,
	last_csat integer,
	last_csat_day date,
	sla_breaches integer,               -- tickets that breached an SLA target (null: no SLA clocks yet)
	long_open_days double,              -- the longest any recent ticket stayed open (feature requests aside)
	long_open_ticket varchar,
	reopened integer not null,          -- recent tickets reopened after being resolved or closed
	feature_age_days integer,           -- age of the oldest unanswered feature request
	feature_ticket varchar,
	feature_chased integer,             -- incoming calls about it
	activity_recent double,             -- product activity per day, recent window
	activity_before double,             -- product activity per day, the window before
	activity_drop double,               -- 1 − recent / before (null: no activity data)
	contacts_recent integer,            -- contact days, recent trend window (used without activity data)
	contacts_before double,             -- contact days per trend window before it
	contact_drop double,
	renewal_day date,                   -- the next renewal on or after as_of
	renewal_days integer,
	contact_since date,
	c_silence double not null,          -- contributions, in points; score = their sum
	c_low_score double not null,
	c_sla double not null,
	c_long_open double not null,
	c_reopened double not null,
	c_feature double not null,
	c_trend double not null,
	c_renewal double not null,
	c_new_contact double not null,
	reconstructed boolean not null,
	computed_at timestamptz not null default now(),
	primary key (as_of, customer_id)
);

-- Bookkeeping of the churn step (the hash of the churn settings the history was built with).
create table churn_state (
	key varchar primary key,
	value varchar
);

-- Customers marked lost by the care unit (a call's outcome: "the customer is leaving").
create table churn_lost (
	customer_id varchar primary key,
	lost_on date not null,
	note varchar,
	recorded_by varchar,
	recorded_at timestamptz not null default now()
);

-- Snoozes: keep a customer off the follow-up list until a day (the latest snooze counts).
create sequence churn_snooze_id_seq start 1;
create table churn_snoozes (
	id integer primary key default nextval('churn_snooze_id_seq'),
	customer_id varchar not null,
	until date not null,
	note varchar,
	created_by varchar,
	created_at timestamptz not null default now()
);

-- The hold-out experiment: when an at-risk customer first qualifies for the list (again), it is
-- assigned at random to the list or to the hold-out, which is kept off the list for a while,
-- so that called and not-called customers can be compared.
create table churn_experiment (
	customer_id varchar not null,
	entered_on date not null,
	arm varchar not null check (arm in ('list', 'holdout')),
	score double not null,
	primary key (customer_id, entered_on)
);

-- One row per day a follow-up list was made, with the capacity it was sized to.
create table follow_up_days (
	day date primary key,
	capacity integer not null,
	agents json not null,
	created_at timestamptz not null default now()
);

-- The follow-ups: the placeholder of 001 reshaped. One row per customer put on a day's list;
-- open items (to call, no answer, call back) carry over to later days' lists. version counts
-- writes, so that two agents saving the same follow-up cannot overwrite each other unnoticed.
drop table follow_ups;
create table follow_ups (
	id integer primary key default nextval('follow_up_id_seq'),
	customer_id varchar not null,
	list_day date not null,             -- the day's list it was put on
	rank integer not null,              -- its place on that list
	score double not null,              -- risk score then
	priority double not null,           -- score × customer value
	reasons json,                       -- the risk facts then (the row of churn_risk_history)
	assignee varchar,
	status varchar not null default 'to_call' check (status in ('to_call', 'no_answer', 'call_back', 'reached', 'done')),
	call_back_on date,
	notes varchar,
	attempts integer not null default 0,
	reached_at timestamptz,             -- when the customer was reached (starts the cool-down)
	closed_at timestamptz,              -- reached or done: off the list
	nps_answer_id varchar,              -- survey answers written by the outcome (occasion happy_call)
	csat_answer_id varchar,
	created_at timestamptz not null default now(),
	updated_at timestamptz,
	updated_by varchar,
	version integer not null default 1
);

-- The risk as of the newest day computed: what pages and the API read.
create view churn_risk as
select * from churn_risk_history where as_of = (select max(as_of) from churn_risk_history);
