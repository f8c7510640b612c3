-- score_distribution: how many answers gave each score in a period, per kind (nps 0-10,
-- csat 1-5), from rollup_survey_scores. Scores nobody gave are absent; the domain layer fills
-- the scale.
-- params: $from DATE, $to DATE, $segment, $channel, $team, $occasion VARCHAR (null: all)
select kind, score, cast(sum(answers) as integer) as answers
from rollup_survey_scores
where local_day between cast($from as date) and cast($to as date)
	and ($segment is null or segment = $segment)
	and ($channel is null or channel = $channel)
	and ($team is null or team = $team)
	and ($occasion is null or occasion = $occasion)
group by kind, score
order by kind, score
