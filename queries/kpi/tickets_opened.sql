-- tickets_opened: tickets opened in a period, with the previous period of the same length, per
-- period of a grain, and the ticket mix: per channel and per category, overall and per period.
-- Definition: a ticket counts on the local day it was created (unit's time zone). Tickets per
-- day divide by the days of the period (never past today), in the domain layer. Counts have no
-- significance test: the change against the previous period is shown as it is.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total',
-- 'period' (key = first day of the period), 'channel' / 'category' (key = the value; null = not
-- recorded), 'period_channel' / 'period_category' (key = period, key2 = the value). The previous
-- period has its total and its per-channel and per-category counts. Read from rollup_tickets_daily.
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR (day|week|month|quarter|year),
--         $segment, $channel, $team VARCHAR (null: all)
with base as (
	select
		case when r.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		r.channel, r.category, r.created
	from rollup_tickets_daily r
	join calendar_days c on c.day = r.local_day
	where r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($channel is null or r.channel = $channel)
		and ($team is null or r.team = $team)
),
grouped as (
	select
		cohort,
		case
			when grouping(period) = 0 and grouping(channel) = 0 then 'period_channel'
			when grouping(period) = 0 and grouping(category) = 0 then 'period_category'
			when grouping(period) = 0 then 'period'
			when grouping(channel) = 0 then 'channel'
			when grouping(category) = 0 then 'category'
			else 'total'
		end as scope,
		case when grouping(period) = 0 then cast(period as varchar) else coalesce(channel, category) end as key,
		case when grouping(period) = 0 then coalesce(channel, category) end as key2,
		cast(sum(created) as integer) as tickets
	from base
	group by grouping sets ((cohort), (cohort, period), (cohort, channel), (cohort, category), (cohort, period, channel), (cohort, period, category))
)
select cohort, scope, key, key2, tickets
from grouped
where cohort = 'current' or scope in ('total', 'channel', 'category')
order by cohort, scope, key, key2
