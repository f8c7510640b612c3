-- 005_audit: who did what, when, from where. Written by src/lib/server/audit; the product
-- has no statement that updates or deletes a row of it (test/unit/audit-append-only.test.ts).
create sequence audit_id_seq start 1;

create table audit_log (
	id bigint primary key,
	occurred_at timestamptz not null default now(),
	actor varchar,                     -- a login, 'token:NAME', 'cli', 'system'; null: not signed in
	actor_role varchar,
	action varchar not null,           -- 'login', 'login.failed', 'user.create', 'import.upload', …
	target varchar,                    -- what it was done to: a login, a file, a token name
	detail json,
	ip varchar
);
