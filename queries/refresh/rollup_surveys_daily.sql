-- rollup_surveys_daily: survey answers per local day (unit's time zone), kind and occasion,
-- with the counts NPS and CSAT are computed from:
--   NPS  = (promoters − detractors) / answers × 100, promoters 9-10, passives 7-8, detractors 0-6
--   CSAT = satisfied / answers × 100, satisfied = scores 4-5 on the 1-5 scale
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_surveys_daily as
select
	cast(timezone($tz, answered_at) as date) as local_day,
	kind,
	occasion,
	cast(count(*) as integer) as answers,
	cast(count(*) filter (where kind = 'nps' and score >= 9) as integer) as promoters,
	cast(count(*) filter (where kind = 'nps' and score between 7 and 8) as integer) as passives,
	cast(count(*) filter (where kind = 'nps' and score <= 6) as integer) as detractors,
	cast(count(*) filter (where kind = 'csat' and score >= 4) as integer) as satisfied,
	cast(sum(score) as double) as score_sum
from survey_answers
group by all
order by local_day
