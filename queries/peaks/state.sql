-- peaks_state: what the stored baselines were built with (no row: never built).
-- params: none
select cast(built_at as varchar) as built_at, params_hash, cast(first_day as varchar) as first_day, cast(last_day as varchar) as last_day
from peaks_state where id = 1
