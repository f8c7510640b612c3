-- rollup_surveys_daily: survey answers per local day (unit's time zone), kind, occasion,
-- customer segment, channel and team, summed from rollup_survey_answers (which says what channel
-- and team an answer belongs to). Every survey KPI (queries/kpi/nps.sql, queries/kpi/csat.sql)
-- is a sum over it, so a page never reads raw answers to compute a figure; the scores
-- themselves are in rollup_survey_scores (the distribution). The counts:
--   NPS  = (promoters − detractors) / answers × 100, promoters 9-10, passives 7-8, detractors 0-6
--   CSAT = satisfied / answers × 100, satisfied = scores 4-5 on the 1-5 scale
-- Sorted by day, so a period's rows are read from few row groups.
-- params: $from, $to VARCHAR (DATE or ±infinity): the local days to build (the local day is
-- rollup_survey_answers')
select
	local_day,
	kind,
	occasion,
	segment,
	channel,
	team,
	cast(count(*) as integer) as answers,
	cast(count(*) filter (where kind = 'nps' and score >= 9) as integer) as promoters,
	cast(count(*) filter (where kind = 'nps' and score between 7 and 8) as integer) as passives,
	cast(count(*) filter (where kind = 'nps' and score <= 6) as integer) as detractors,
	cast(count(*) filter (where kind = 'csat' and score >= 4) as integer) as satisfied,
	cast(sum(score) as double) as score_sum
from rollup_survey_answers
where local_day between cast($from as date) and cast($to as date)
group by all
order by local_day
