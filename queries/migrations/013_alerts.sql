-- 013_alerts: alerts the scheduler raises (a peak under way today; later, open tickets at
-- risk of an SLA breach), their delivery to the unit's webhook, and annotations entered or
-- edited on the Annotations page.
create sequence alert_id_seq start 1;

create table alerts (
	id integer primary key default nextval('alert_id_seq'),
	-- what the alert is about, unique so one thing is never alerted twice:
	-- volume:<peak key> for a peak, sla_at_risk:<local day> for the SLA check
	key varchar not null unique,
	kind varchar not null check (kind in ('volume', 'sla_at_risk')),
	metric varchar,                  -- calls | tickets for a volume alert
	raised_at timestamptz not null,
	peak_key varchar,
	window_start timestamptz,        -- the span the alert covers (a volume alert: the peak's cells)
	window_end timestamptz,
	actual double,
	expected double,
	upper double,
	message_key varchar not null,    -- the alert in words: an i18n key and its parameters
	message_params json,
	-- not_configured: no webhook set when it was raised | pending: to post (again) |
	-- sent | failed: gave up after peaks/alerts.maxAttempts attempts
	delivery varchar not null check (delivery in ('not_configured', 'pending', 'sent', 'failed')),
	attempts integer not null default 0,
	next_attempt_at timestamptz,
	last_error varchar,
	delivered_at timestamptz,
	seen_at timestamptz              -- acknowledged in the app (clears the badge)
);

-- Every attempt to post an alert, kept for the record.
create table alert_deliveries (
	alert_id integer not null,
	attempt integer not null,
	attempted_at timestamptz not null,
	url varchar not null,
	ok boolean not null,
	http_status integer,
	error varchar
);

-- When an annotation was last changed on the Annotations page (no row: as loaded or entered).
-- A table of its own rather than a column added to annotations: DuckDB 1.5 cannot replay an
-- ALTER TABLE … ADD COLUMN from its write-ahead log on a table with a default of now(), so a
-- crash right after this migration would leave a database that does not open.
create table annotation_edits (
	annotation_id varchar primary key,
	edited_at timestamptz not null
);
