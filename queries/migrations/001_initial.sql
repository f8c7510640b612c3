-- 001_initial: the data model.
-- Times are instants (TIMESTAMPTZ, stored in UTC) and are shown in the unit's time zone.
-- Every loaded table is keyed by the source's own id, so loading the same record twice
-- updates it instead of doubling it; source_file_id says which import last wrote a row.

create sequence import_run_id_seq start 1;
create sequence import_file_id_seq start 1;
create sequence follow_up_id_seq start 1;

-- Customers of the software company (organisations, not people).
create table customers (
	id varchar primary key,
	name varchar,
	segment varchar,               -- government | bank | enterprise | small_business | other
	contract_start date,
	renewal_date date,
	owner varchar,                 -- the care-unit member who owns the relationship
	contact_name varchar,          -- PII: stays on the server side of role checks
	contact_phone varchar,         -- PII
	contact_email varchar,         -- PII
	-- true while the customer is known only because a ticket, call or answer named it
	is_stub boolean not null default false,
	source_file_id integer,
	loaded_at timestamptz not null default now()
);

create table tickets (
	id varchar primary key,
	customer_id varchar,
	channel varchar,               -- phone | email | portal | in_app | chat | letter | social | app_store | bot | other
	category varchar check (category in ('bug', 'feature_request', 'how_to', 'user_error', 'customisation')),
	priority varchar check (priority in ('critical', 'high', 'normal', 'low')),
	support_level varchar check (support_level in ('support', 'technical')),
	status varchar check (status in ('new', 'open', 'waiting_customer', 'on_hold', 'resolved', 'closed')),
	team varchar,
	assignee varchar,
	subject varchar,
	created_at timestamptz not null,
	first_response_at timestamptz,
	resolved_at timestamptz,
	closed_at timestamptz,
	source_file_id integer,
	loaded_at timestamptz not null default now()
);

-- Every status a ticket entered and when, so that time waiting for the customer can be
-- left out of SLA business time.
create table ticket_status_changes (
	ticket_id varchar not null,
	changed_at timestamptz not null,
	status varchar not null check (status in ('new', 'open', 'waiting_customer', 'on_hold', 'resolved', 'closed')),
	source_file_id integer,
	loaded_at timestamptz not null default now(),
	primary key (ticket_id, changed_at, status)
);

create table calls (
	id varchar primary key,
	customer_id varchar,
	direction varchar not null check (direction in ('inbound', 'outbound')),
	queue varchar,
	started_at timestamptz not null,
	answered_at timestamptz,
	ended_at timestamptz,
	wait_seconds double check (wait_seconds >= 0),
	talk_seconds double check (talk_seconds >= 0),
	outcome varchar not null check (outcome in ('answered', 'abandoned')),
	agent varchar,
	opened_case boolean,           -- null when the source does not say
	ticket_id varchar,
	source_file_id integer,
	loaded_at timestamptz not null default now()
);

-- Survey answers. "kind" is the question asked, which fixes the scale: nps 0-10, csat 1-5.
-- "occasion" is why it was asked: a happy call or a periodic survey by the care unit, a
-- survey sent after a ticket, or anything else.
create table survey_answers (
	id varchar primary key,
	customer_id varchar,
	ticket_id varchar,
	kind varchar not null check (kind in ('nps', 'csat')),
	occasion varchar check (occasion in ('happy_call', 'periodic', 'post_ticket', 'other')),
	score integer not null,
	comment varchar,
	answered_at timestamptz not null,
	channel varchar,
	source_file_id integer,
	loaded_at timestamptz not null default now(),
	check ((kind = 'nps' and score between 0 and 10) or (kind = 'csat' and score between 1 and 5))
);

-- Product usage per customer and day (optional; feeds the churn model's falling-activity signal).
create table product_activity (
	customer_id varchar not null,
	day date not null,
	kind varchar not null,         -- logins | active_users | transactions | …
	count double not null check (count >= 0),
	source_file_id integer,
	loaded_at timestamptz not null default now(),
	primary key (customer_id, day, kind)
);

-- Releases and incidents that explain peaks.
create table annotations (
	id varchar primary key,
	kind varchar not null check (kind in ('release', 'incident', 'other')),
	starts_at timestamptz not null,
	ends_at timestamptz,
	title varchar not null,
	description varchar,
	source_file_id integer,
	loaded_at timestamptz not null default now()
);

-- Proactive follow-ups of the customer-care unit.
create table follow_ups (
	id integer primary key default nextval('follow_up_id_seq'),
	customer_id varchar not null,
	created_at timestamptz not null default now(),
	reasons varchar,
	assignee varchar,
	due_date date,
	status varchar not null default 'open' check (status in ('open', 'done', 'skipped')),
	outcome varchar,
	outcome_at timestamptz,
	survey_answer_id varchar,
	notes varchar
);

-- Settings (calendar, schedules, targets), one JSON value per key; seeded from defaults.
create table settings (
	key varchar primary key,
	value json not null,
	updated_at timestamptz not null default now()
);

create table import_runs (
	id integer primary key,
	trigger varchar not null,      -- schedule | manual | cli | startup
	started_at timestamptz not null,
	finished_at timestamptz,
	status varchar not null check (status in ('running', 'ok', 'with_rejects', 'with_failures', 'failed', 'interrupted')),
	files_seen integer not null default 0,
	files_loaded integer not null default 0,
	files_duplicate integer not null default 0,
	files_failed integer not null default 0,
	rows_inserted integer not null default 0,
	rows_updated integer not null default 0,
	rows_rejected integer not null default 0,
	rows_skipped integer not null default 0,
	error varchar,                 -- English text of the problems, for logs and the CLI
	problems json                  -- [{key, params}]: shown in the reader's language
);

create table import_files (
	id integer primary key,
	run_id integer not null,
	dataset varchar not null,
	mapping varchar,
	file_name varchar not null,
	stored_path varchar,           -- where the file went: processed/… or failed/…
	sha256 varchar not null,
	size_bytes bigint not null,
	format varchar,                -- csv | json | ndjson | parquet
	encoding varchar,
	status varchar not null check (status in ('loaded', 'with_rejects', 'duplicate', 'failed')),
	rows_read integer not null default 0,
	rows_inserted integer not null default 0,
	rows_updated integer not null default 0,
	rows_rejected integer not null default 0,
	rows_skipped integer not null default 0,
	rows_superseded integer not null default 0, -- rows replaced by a later row with the same key in this file
	duplicate_of integer,
	error varchar,                 -- English text of error_problem
	error_problem json,            -- {key, params}: why the file could not be loaded
	notes varchar,                 -- English text of notes_problems
	notes_problems json,           -- [{key, params}]: what else is worth knowing
	started_at timestamptz not null,
	finished_at timestamptz
);
create index import_files_sha256 on import_files (sha256);

-- Rows that could not be loaded, kept whole with where and why.
create table import_rejects (
	file_id integer not null,
	line integer,                  -- line in the file where the row starts (CSV, NDJSON)
	record integer not null,       -- 1-based record number in the file
	column_name varchar,           -- the source column at fault, when one is
	value varchar,
	reason varchar not null,       -- English text, for CSV downloads and SQL
	reason_key varchar not null,   -- i18n key of the reason (problem.*), shown in the reader's language
	reason_params json,
	raw varchar                    -- the row as read, to fix and load again
);

-- A time given without an offset is wall-clock time in the zone tz; with an offset it is absolute.
create macro to_instant(v, tz) as
	case
		when v is null then null
		when regexp_matches(v, '(Z|[+-]\d{2}(:?\d{2})?)$') then cast(v as timestamptz)
		else timezone(tz, cast(v as timestamp))
	end;
