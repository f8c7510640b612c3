-- rollup_tickets_hourly: tickets opened per local day and hour (unit's time zone), channel,
-- category and priority: the hourly ticket counts peaks are found in, and what a peak's
-- tickets were about.
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build (src/lib/server/refresh/rollups.ts deletes and rebuilds those days' rows
-- on a load, or builds every day); $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants
-- that bound those days with a margin, a cheap cut that lets DuckDB skip row groups (the exact
-- cut is on the local day).
select
	local_day,
	cast(hour(local_created) as integer) as hour,
	channel,
	category,
	priority,
	cast(count(*) as integer) as created
from (
	select *, cast(local_created as date) as local_day
	from (
		select *, timezone($tz, created_at) as local_created
		from tickets
		where created_at >= cast($lo as timestamptz) and created_at < cast($hi as timestamptz)
	)
)
where local_day between cast($from as date) and cast($to as date)
group by all
order by local_day, hour
