-- track_km: the stored Kaplan-Meier curves of the track record (churn_track_km) for one landmark
-- day, or pooled over a landmark every 14 days when $landmark is null.
-- Grain: group × time.  params: $landmark DATE (null: pooled)
select grp, days, at_risk, events, censored, survival, std_error
from churn_track_km
where landmark is not distinct from cast($landmark as date)
order by grp, days
