-- in_period: releases and incidents that start in a period of local days or last into it
-- (the markers on the Peaks charts).
-- params: $from DATE, $to DATE, $tz VARCHAR
select
	id,
	kind,
	title,
	cast(starts_at as varchar) as starts_at,
	cast(ends_at as varchar) as ends_at,
	cast(cast(timezone($tz, starts_at) as date) as varchar) as start_day,
	cast(hour(timezone($tz, starts_at)) as integer) as start_hour
from annotations
where cast(timezone($tz, starts_at) as date) <= $to
	and cast(timezone($tz, coalesce(ends_at, starts_at)) as date) >= $from
order by starts_at
