-- 026_churn_risk_history_without_key: the risk history without its PRIMARY KEY (as_of,
-- customer_id). The key is an ART index over every row of every computed day (1.4M rows at 10M
-- tickets): with it, replacing today's 50,000 rows after a 100-row load took 1.0-1.3 s to delete
-- and 1.7-4 s more at the commit (DuckDB writes the whole index at the checkpoint); without it,
-- 2 ms and about 0.5 s (docs/benchmarks.md). One set of rows per day is kept by the churn step
-- itself: it deletes a day's rows before computing that day (queries/churn/delete_day.sql),
-- in the refresh's transaction. DuckDB cannot drop a constraint, so the table is copied into
-- one without it (the view over it is dropped and made again).

drop view churn_risk;

create table churn_risk_history_next (
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
	computed_at timestamptz not null default now());
insert into churn_risk_history_next select * from churn_risk_history order by as_of, customer_id;
drop table churn_risk_history;
alter table churn_risk_history_next rename to churn_risk_history;

-- The risk as of the newest day computed: what pages and the API read.
create view churn_risk as
select * from churn_risk_history where as_of = (select max(as_of) from churn_risk_history);
