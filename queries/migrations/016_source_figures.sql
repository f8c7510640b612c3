-- 016_source_figures: what help-desk exports give beyond the product's own records.
--
-- tickets: the help desk's own figures, kept beside the product's SLA clocks (sla_clocks) and
-- never used by them: first reply and (full) resolution time in calendar and in business
-- minutes, as the source computed them (its own calendar and pauses); the number of times the
-- ticket was reopened; its tags.
--
-- survey_offers: every survey a source says it offered (Zendesk's satisfaction "Offered",
-- "Good", "Bad" …), answered or not: the response rate is answered / offered. An answer
-- itself stays in survey_answers; an offer without an answer is only here. Sources that do
-- not record offers (a survey tool's export of answers) add nothing here.
alter table tickets add column source_first_reply_minutes double;
alter table tickets add column source_first_reply_business_minutes double;
alter table tickets add column source_resolution_minutes double;
alter table tickets add column source_resolution_business_minutes double;
alter table tickets add column reopen_count integer;
alter table tickets add column tags varchar[];

create table survey_offers (
	id varchar primary key,        -- the answer's id when it was answered
	customer_id varchar,
	ticket_id varchar,
	kind varchar not null check (kind in ('nps', 'csat')),
	occasion varchar check (occasion in ('happy_call', 'periodic', 'post_ticket', 'other')),
	channel varchar,
	offered_at timestamptz not null,
	answered boolean not null,
	source_file_id integer,
	loaded_at timestamptz not null default now()
);

-- The response rate's rollup (queries/refresh/rollup_survey_offers_daily.sql) exists from the
-- start, empty, so the Surveys page works on a database last refreshed before this migration;
-- the next refresh replaces it.
create table rollup_survey_offers_daily (
	local_day date,
	kind varchar,
	occasion varchar,
	segment varchar,
	channel varchar,
	team varchar,
	offered integer,
	answered integer
);
