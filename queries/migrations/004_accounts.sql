-- 004_accounts: local user accounts, their sign-in sessions, and API tokens.
-- Secrets are never stored: passwords as argon2id hashes, session ids and tokens as SHA-256
-- hashes of random values (the value itself lives only in the browser's cookie or the
-- caller's script). See src/lib/server/auth/.

create sequence user_id_seq start 1;
create sequence api_token_id_seq start 1;

create table users (
	id integer primary key,
	login varchar not null unique,     -- lower case
	display_name varchar not null,
	role varchar not null check (role in ('executive', 'support_lead', 'care_agent', 'admin')),
	password_hash varchar not null,    -- argon2id, PHC string
	language varchar check (language in ('en', 'fa')), -- chosen interface language, null: none yet
	is_demo boolean not null default false, -- a demo account (demo dataset, no real user yet)
	disabled_at timestamptz,           -- a disabled account cannot sign in; its sessions are gone
	created_at timestamptz not null default now(),
	password_changed_at timestamptz not null default now(),
	last_login_at timestamptz
);

create table sessions (
	id_hash varchar primary key,       -- SHA-256 (hex) of the cookie value
	user_id integer not null,
	created_at timestamptz not null,
	last_seen_at timestamptz not null, -- for the idle timeout; written at most once a minute
	expires_at timestamptz not null,   -- the absolute end, fixed at sign-in
	ip varchar,
	user_agent varchar
);

create table api_tokens (
	id integer primary key,
	name varchar not null,             -- what the token is for ("grafana", "nightly export")
	role varchar not null check (role in ('executive', 'support_lead', 'care_agent', 'admin')),
	token_hash varchar not null unique, -- SHA-256 (hex) of the token
	prefix varchar not null,           -- the first characters, to recognise a token in a list
	created_by varchar not null,       -- login of the creator, or 'cli'
	created_by_demo boolean not null default false,
	created_at timestamptz not null default now(),
	last_used_at timestamptz,
	revoked_at timestamptz
);
