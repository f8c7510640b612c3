-- rollup_survey_scores: survey answers per local day (unit's time zone), kind, score, occasion,
-- customer segment, channel and team: the score distribution of the Surveys page
-- (queries/surveys/score_distribution.sql). Summed from rollup_survey_answers.
-- params: $from, $to VARCHAR (DATE or ±infinity): the local days to build (the local day is
-- rollup_survey_answers')
select local_day, kind, score, occasion, segment, channel, team, cast(count(*) as integer) as answers
from rollup_survey_answers
where local_day between cast($from as date) and cast($to as date)
group by all
order by local_day
