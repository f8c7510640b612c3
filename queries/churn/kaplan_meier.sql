-- kaplan_meier: the Kaplan-Meier estimate of survival (here: staying a customer) per landmark
-- and group, from the subjects in the temporary table churn_km_subjects(landmark, grp, days,
-- event) (queries/churn/track_subjects.sql, km_subjects_json.sql), where days is the time from
-- the start of follow-up to the event (event = true: the customer left) or to the end of
-- observation (event = false: censored). At each time t with d events among the n still at risk
-- just before t:  S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ)
-- (Kaplan & Meier 1958), with Greenwood's variance  Var S(t) = S(t)² · Σ dᵢ / (nᵢ (nᵢ − dᵢ)).
-- Censored subjects count in n up to and including their time (ties: events before censoring).
-- Rows: one per landmark, group and time at which something happened (event or censoring), ordered.
-- Grain: landmark × group × time.  params: none
with times as (
	select landmark, grp, days, cast(count(*) filter (where event) as integer) as events, cast(count(*) filter (where not event) as integer) as censored, cast(count(*) as integer) as leaving
	from churn_km_subjects
	group by landmark, grp, days
),
risk as (
	select *, cast(sum(leaving) over (partition by landmark, grp order by days desc rows between unbounded preceding and current row) as integer) as at_risk
	from times
),
steps as (
	select *,
		product(1 - events / at_risk) over (partition by landmark, grp order by days rows between unbounded preceding and current row) as survival,
		-- in DOUBLE: at_risk² overflows INTEGER past 46,340 subjects
		sum(case when at_risk > events then events / (cast(at_risk as double) * (at_risk - events)) end) over (partition by landmark, grp order by days rows between unbounded preceding and current row) as greenwood
	from risk
)
select landmark, grp, days, at_risk, events, censored, survival, survival * sqrt(greenwood) as std_error
from steps
order by landmark nulls first, grp, days
