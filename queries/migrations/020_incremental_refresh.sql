-- 020_incremental_refresh: what the derived tables were built from, so that a refresh rebuilds
-- only the local days a load touched instead of every rollup from all rows
-- (src/lib/server/refresh/changes.ts; the SQL is in queries/refresh/changes/).

-- The import files whose rows the derived tables include. A committed file not listed here
-- (its rows and its import_files row are written in one transaction) is new to the next refresh.
create table refresh_files (
	file_id integer primary key
);

-- One row per ticket, call and survey answer as the rollups counted it: a hash of its id, the
-- instant that gives its local day (created_at, started_at, answered_at) and its loaded_at.
-- An update by key overwrites the row in place, so this is where the refresh finds the day
-- the row was counted in before (to take it out of that day's rollup rows). Hashes keep the
-- table small and its lookups fast; two ids sharing a hash only make a refresh rebuild a day
-- more than needed. Rebuilt whole (sorted by dataset and key, so a lookup skips most of it) on
-- a full refresh; appended to by incremental ones.
create table refresh_keys (
	dataset varchar not null,          -- tickets | calls | survey_answers
	key ubigint not null,              -- hash(id)
	counted_at timestamptz not null,   -- the instant whose local day it was counted in
	stamp timestamptz                  -- loaded_at then (finds rows written outside any file)
);

-- The customer fields the rollups copy onto rows (the segment; the name, for the answers
-- list) as the last refresh saw them: a change rebuilds the days of that customer's rows.
create table refresh_customer_dims (
	id varchar primary key,
	segment varchar,
	name varchar
);

-- What each derived table was last built with (a hash of its SQL and the settings it reads):
-- a table whose signature differs, or that does not exist, is rebuilt whole.
create table refresh_signatures (
	name varchar primary key,
	signature varchar not null
);

-- Local days changed by a partial refresh (the survey rollups after a follow-up's answers)
-- that the next whole refresh must still hand to the domain steps (churn contact days).
create table refresh_pending_days (
	day date primary key
);

-- The derived tables are rebuilt whole at the next start (they were built without the above).
delete from rollup_state;
