-- 002_rollups: bookkeeping of the derived tables the dashboard reads instead of raw rows.
-- The rollup tables themselves are (re)built by jobs/refresh.ts from queries/refresh/*.sql,
-- which define their shape; this row says when and in which time zone they were last built.
create table rollup_state (
	id integer primary key,
	refreshed_at timestamptz not null,
	time_zone varchar not null
);
