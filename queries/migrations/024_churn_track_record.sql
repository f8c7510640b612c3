-- 024_churn_track_record: the track record's figures (/at-risk/track-record), computed by the
-- churn refresh step when the risk history they read changed (src/lib/server/churn/track.ts),
-- so the page reads stored rows instead of recomputing Kaplan-Meier curves on every request.
-- Names and other customer details are joined at read time (the viewer decides what is shown).

-- The customers who left after the history begins, and what the model said before (one row
-- each; queries/churn/track_record.sql).
create table churn_track_left (
	customer_id varchar not null,
	status varchar not null,            -- lapsed | lost
	left_on date not null,
	days_computed integer not null,     -- days computed in the horizon before leaving
	max_score double,
	first_flagged date,                 -- first day flagged (score ≥ the at-risk score) in the horizon
	lead_days integer                   -- days from first_flagged to left_on
);

-- Kaplan-Meier curves of time to churn, flagged vs not flagged: pooled over a landmark every
-- 14 days (landmark null), and for each landmark day (queries/churn/kaplan_meier.sql).
create table churn_track_km (
	landmark date,
	grp varchar not null,               -- flagged | not_flagged
	days integer not null,
	at_risk integer not null,
	events integer not null,
	censored integer not null,
	survival double not null,
	std_error double
);

-- Computed by the next refresh: the key 'track_signature' of churn_state is absent until then,
-- and the server computes it at start when it is (ensureTrackRecord).
delete from churn_state where key = 'track_signature';

