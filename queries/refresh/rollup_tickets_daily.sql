-- rollup_tickets_daily: tickets opened per local day (unit's time zone), channel, category and priority.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_tickets_daily as
select
	cast(timezone($tz, created_at) as date) as local_day,
	channel,
	category,
	priority,
	cast(count(*) as integer) as created
from tickets
group by all
order by local_day
