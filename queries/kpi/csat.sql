-- csat: Customer Satisfaction of the CSAT answers (1-5) in a period, with the previous period of
-- the same length, per period of a grain and per segment, channel, team and occasion.
-- Definition (mission.md): CSAT = satisfied / n × 100, satisfied = answers of 4 or 5.
-- Uncertainty (src/lib/server/kpi/stats.ts): 95% Wilson score interval of satisfied/n; a change
-- between two periods is tested with the two-proportion z-test (pooled), significant at p < 0.05.
-- A result with n below the small-sample setting (kpi.smallSampleMin, default 30) is flagged.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total',
-- 'period' (key = first day of the period, in the unit's calendar), 'segment', 'channel',
-- 'team' or 'occasion' (key = the value; null = not recorded). The previous period only has
-- its total. Read from rollup_surveys_daily: summed per day first, then each scope is a plain sum
-- over those rows (one hash aggregate; grouping sets cost more on small data).
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR (day|week|month|quarter|year),
--         $segment, $channel, $team, $occasion VARCHAR (null: all)
with days as (
	select r.local_day, r.segment, r.channel, r.team, r.occasion,
		sum(r.satisfied) as satisfied,
		sum(r.answers) as n
	from rollup_surveys_daily r
	where r.kind = 'csat'
		and r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($channel is null or r.channel = $channel)
		and ($team is null or r.team = $team)
		and ($occasion is null or r.occasion = $occasion)
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
-- Each row once per scope it counts in; the previous period only in its total.
scoped as (
	select cohort, 'total' as scope, null::varchar as key, satisfied, n from base
	union all select cohort, 'period', cast(period as varchar), satisfied, n from base where cohort = 'current'
	union all select cohort, 'segment', segment, satisfied, n from base where cohort = 'current'
	union all select cohort, 'channel', channel, satisfied, n from base where cohort = 'current'
	union all select cohort, 'team', team, satisfied, n from base where cohort = 'current'
	union all select cohort, 'occasion', occasion, satisfied, n from base where cohort = 'current'
),
grouped as (
	select cohort, scope, key, cast(sum(satisfied) as integer) as satisfied, cast(sum(n) as integer) as n
	from scoped
	group by cohort, scope, key
)
select cohort, scope, key, satisfied, n,
	case when n > 0 then 100.0 * satisfied / n end as csat
from grouped
order by cohort, scope, key
