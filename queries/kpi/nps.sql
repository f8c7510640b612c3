-- nps: Net Promoter Score of the NPS answers (0-10) in a period, with the previous period of
-- the same length, per period of a grain and per segment, channel, team and occasion.
-- Definition (mission.md): promoters answer 9-10, passives 7-8, detractors 0-6; passives
-- count in n.  NPS = (promoters − detractors) / n × 100, from −100 to 100.
-- Uncertainty (src/lib/server/kpi/stats.ts): 95% margin of error of one multinomial sample,
--   MOE = 1.96 · √((p_P + p_D − (p_P − p_D)²) / n) · 100   (p_P = promoters/n, p_D = detractors/n);
-- a change between two periods is significant when it exceeds √(MOE₁² + MOE₂²).
-- A result with n below the small-sample setting (kpi.smallSampleMin, default 30) is flagged.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1); scope 'total',
-- 'period' (key = first day of the period, in the unit's calendar), 'segment', 'channel',
-- 'team' or 'occasion' (key = the value; null = not recorded). The previous period only has
-- its total. Read from rollup_surveys_daily.
-- params: $from DATE, $to DATE, $prev_from DATE, $grain VARCHAR (day|week|month|quarter|year),
--         $segment, $channel, $team, $occasion VARCHAR (null: all)
with base as (
	select
		case when r.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
		case $grain when 'day' then c.day when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as period,
		r.segment, r.channel, r.team, r.occasion, r.score, r.answers
	from rollup_surveys_daily r
	join calendar_days c on c.day = r.local_day
	where r.kind = 'nps'
		and r.local_day between cast($prev_from as date) and cast($to as date)
		and ($segment is null or r.segment = $segment)
		and ($channel is null or r.channel = $channel)
		and ($team is null or r.team = $team)
		and ($occasion is null or r.occasion = $occasion)
),
grouped as (
	select
		cohort,
		case
			when grouping(period) = 0 then 'period'
			when grouping(segment) = 0 then 'segment'
			when grouping(channel) = 0 then 'channel'
			when grouping(team) = 0 then 'team'
			when grouping(occasion) = 0 then 'occasion'
			else 'total'
		end as scope,
		coalesce(cast(period as varchar), segment, channel, team, occasion) as key,
		cast(coalesce(sum(answers) filter (where score >= 9), 0) as integer) as promoters,
		cast(coalesce(sum(answers) filter (where score between 7 and 8), 0) as integer) as passives,
		cast(coalesce(sum(answers) filter (where score <= 6), 0) as integer) as detractors,
		cast(sum(answers) as integer) as n
	from base
	group by grouping sets ((cohort), (cohort, period), (cohort, segment), (cohort, channel), (cohort, team), (cohort, occasion))
)
select cohort, scope, key, promoters, passives, detractors, n,
	case when n > 0 then 100.0 * (promoters - detractors) / n end as nps
from grouped
where cohort = 'current' or scope = 'total'
order by cohort, scope, key
