-- rollup_tickets_hourly: tickets opened per local day and hour (unit's time zone), channel,
-- category and priority: the hourly ticket counts peaks are found in, and what a peak's
-- tickets were about.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_tickets_hourly as
select
	cast(local_created as date) as local_day,
	cast(hour(local_created) as integer) as hour,
	channel,
	category,
	priority,
	cast(count(*) as integer) as created
from (select *, timezone($tz, created_at) as local_created from tickets)
group by all
order by local_day, hour
