-- rollup_survey_scores: survey answers per local day (unit's time zone), kind, score, occasion,
-- customer segment, channel and team: the score distribution of the Surveys page
-- (queries/surveys/score_distribution.sql). Summed from rollup_survey_answers.
-- params: none (the local day is rollup_survey_answers')
create or replace table rollup_survey_scores as
select local_day, kind, score, occasion, segment, channel, team, cast(count(*) as integer) as answers
from rollup_survey_answers
group by all
order by local_day
