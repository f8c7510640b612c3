-- The fact tables (tickets, their status changes, calls, survey answers and offers, product
-- activity) without PRIMARY KEY constraints. A key constraint is an ART index that DuckDB
-- keeps in memory, outside its memory_limit while it is built: loading 3M calls into a table
-- with one took 3.3× as long as without (83 s against 25 s, the same machine at the same
-- time), and at 10M tickets the loading process grew past the 1.5 GB bound (issue 13). One
-- row per key is kept by the load instead: the staged rows are deduplicated by key, and the
-- merge deletes the rows of the staged keys before inserting them
-- (queries/ingest/forget_*.sql, insert_*.sql), in the load's transaction. Key columns stay NOT
-- NULL. DuckDB cannot drop a constraint, so each table is copied into one without it.

create table tickets_next (
	id varchar not null, customer_id varchar, channel varchar, category varchar, priority varchar, support_level varchar,
	status varchar, team varchar, assignee varchar, subject varchar,
	created_at timestamptz not null, first_response_at timestamptz, resolved_at timestamptz, closed_at timestamptz,
	source_file_id integer, loaded_at timestamptz not null default now(),
	source_first_reply_minutes double, source_first_reply_business_minutes double, source_resolution_minutes double,
	source_resolution_business_minutes double, reopen_count integer, tags varchar[],
	check (category in ('bug', 'feature_request', 'how_to', 'user_error', 'customisation')),
	check (priority in ('critical', 'high', 'normal', 'low')),
	check (support_level in ('support', 'technical')),
	check (status in ('new', 'open', 'waiting_customer', 'on_hold', 'resolved', 'closed'))
);
insert into tickets_next select * from tickets;
drop table tickets;
alter table tickets_next rename to tickets;

create table ticket_status_changes_next (
	ticket_id varchar not null, changed_at timestamptz not null, status varchar not null,
	source_file_id integer, loaded_at timestamptz not null default now(),
	check (status in ('new', 'open', 'waiting_customer', 'on_hold', 'resolved', 'closed'))
);
insert into ticket_status_changes_next select * from ticket_status_changes;
drop table ticket_status_changes;
alter table ticket_status_changes_next rename to ticket_status_changes;

create table calls_next (
	id varchar not null, customer_id varchar,
	direction varchar not null check (direction in ('inbound', 'outbound')),
	queue varchar, started_at timestamptz not null, answered_at timestamptz, ended_at timestamptz,
	wait_seconds double check (wait_seconds >= 0), talk_seconds double check (talk_seconds >= 0),
	outcome varchar not null check (outcome in ('answered', 'abandoned')),
	agent varchar, opened_case boolean, ticket_id varchar,
	source_file_id integer, loaded_at timestamptz not null default now()
);
insert into calls_next select * from calls;
drop table calls;
alter table calls_next rename to calls;

create table survey_answers_next (
	id varchar not null, customer_id varchar, ticket_id varchar,
	kind varchar not null check (kind in ('nps', 'csat')),
	occasion varchar check (occasion in ('happy_call', 'periodic', 'post_ticket', 'other')),
	score integer not null, comment varchar, answered_at timestamptz not null, channel varchar,
	source_file_id integer, loaded_at timestamptz not null default now(),
	check ((kind = 'nps' and score between 0 and 10) or (kind = 'csat' and score between 1 and 5))
);
insert into survey_answers_next select * from survey_answers;
drop table survey_answers;
alter table survey_answers_next rename to survey_answers;

create table survey_offers_next (
	id varchar not null, customer_id varchar, ticket_id varchar,
	kind varchar not null check (kind in ('nps', 'csat')),
	occasion varchar check (occasion in ('happy_call', 'periodic', 'post_ticket', 'other')),
	channel varchar, offered_at timestamptz not null, answered boolean not null,
	source_file_id integer, loaded_at timestamptz not null default now()
);
insert into survey_offers_next select * from survey_offers;
drop table survey_offers;
alter table survey_offers_next rename to survey_offers;

create table product_activity_next (
	customer_id varchar not null, day date not null, kind varchar not null, count double not null check (count >= 0),
	source_file_id integer, loaded_at timestamptz not null default now()
);
insert into product_activity_next select * from product_activity;
drop table product_activity;
alter table product_activity_next rename to product_activity;
