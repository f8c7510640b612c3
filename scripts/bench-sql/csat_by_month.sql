-- csat_by_month: CSAT per calendar month of the period (Asia/Tehran), with its counts.
-- CSAT = % of the CSAT answers (1-5) that are 4 or 5.
-- params: $1 first local day, $2 last local day
select
	cast(date_trunc('month', answered_at at time zone 'Asia/Tehran') as date) as month,
	count(*) as answers,
	count(*) filter (where score >= 4) as satisfied,
	round(100.0 * count(*) filter (where score >= 4) / count(*), 6) as csat
from survey_answers
where kind = 'csat'
	and answered_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
	and answered_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
group by 1
order by 1
