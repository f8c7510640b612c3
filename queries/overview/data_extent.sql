-- data_extent: first and last local day with any ticket, call or survey answer (null when empty),
-- so an empty period can point at where the data is.
-- params: none
select cast(min(d) as varchar) as first_day, cast(max(d) as varchar) as last_day
from (
	select local_day as d from rollup_calls_hourly
	union all select local_day from rollup_tickets_daily
	union all select local_day from rollup_surveys_daily
)
