-- nps_by_month: NPS per calendar month of the period (Asia/Tehran), with its counts.
-- NPS = % promoters (9-10) − % detractors (0-6) of the NPS answers.
-- params: $1 first local day, $2 last local day
select
	cast(date_trunc('month', answered_at at time zone 'Asia/Tehran') as date) as month,
	count(*) as answers,
	count(*) filter (where score >= 9) as promoters,
	count(*) filter (where score <= 6) as detractors,
	round(100.0 * (count(*) filter (where score >= 9) - count(*) filter (where score <= 6)) / count(*), 6) as nps
from survey_answers
where kind = 'nps'
	and answered_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
	and answered_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
group by 1
order by 1
