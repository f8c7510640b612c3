-- extent: the first and last local day the baselines cover (null when nothing is loaded).
-- params: none
select cast(min(day) as varchar) as first_day, cast(max(day) as varchar) as last_day from peaks_days
