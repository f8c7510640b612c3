-- tickets_opened: tickets opened in a period, with the previous period of the same length, per
-- period of a grain, and the ticket mix: per channel and per category, overall and per period.
-- Definition: a ticket counts on the local day it was created (unit's time zone). Tickets per
-- day divide by the days of the period (never past today), in the domain layer. Counts have no
-- significance test: the change against the previous period is shown as it is.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total',
-- 'period' (key = first day of the period), 'channel' / 'category' (key = the value; null = not
-- recorded), 'period_channel' / 'period_category' (key = period, key2 = the value). The previous
-- period has its total and its per-channel and per-category counts. Read from rollup_tickets_daily:
-- each scope is a plain sum over the period's rows (one hash aggregate).
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR (day|week|month|quarter|year),
--         $segment, $channel, $team VARCHAR (null: all)
with days as (
	select r.local_day, r.channel, r.category, sum(r.created) as tickets
	from rollup_tickets_daily r
	where r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($channel is null or r.channel = $channel)
		and ($team is null or r.team = $team)
	group by all
),
base as (
	select
		case when d.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		d.*
	from days d
	join calendar_days c on c.day = d.local_day
),
-- Each row once per scope it counts in; per period only for the current period.
scoped as (
	select cohort, 'total' as scope, null::varchar as key, null::varchar as key2, tickets from base
	union all select cohort, 'channel', channel, null, tickets from base
	union all select cohort, 'category', category, null, tickets from base
	union all select cohort, 'period', cast(period as varchar), null, tickets from base where cohort = 'current'
	union all select cohort, 'period_channel', cast(period as varchar), channel, tickets from base where cohort = 'current'
	union all select cohort, 'period_category', cast(period as varchar), category, tickets from base where cohort = 'current'
)
select cohort, scope, key, key2, cast(sum(tickets) as integer) as tickets
from scoped
group by cohort, scope, key, key2
order by cohort, scope, key, key2
