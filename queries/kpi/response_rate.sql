-- response_rate: the share of surveys offered that were answered, per kind (nps, csat), in a
-- period and the previous period of the same length.
-- Definition: response rate = answered / offered × 100, over the surveys a source recorded as
-- offered (answered or not) whose offer falls in the period (the unit's local days); answers
-- from sources that do not record offers are in neither count.
-- Rows: cohort 'current' (from … to) or 'previous' (prev_from … from − 1), kind; numerator
-- (answered) and denominator (offered) with the rate (null when nothing was offered).
-- params: $from DATE, $to DATE, $prev_from DATE, $segment, $channel, $team, $occasion VARCHAR (null: all)
select
	case when r.local_day >= cast($from as date) then 'current' else 'previous' end as cohort,
	r.kind,
	cast(sum(r.answered) as integer) as answered,
	cast(sum(r.offered) as integer) as offered,
	case when sum(r.offered) > 0 then 100.0 * sum(r.answered) / sum(r.offered) end as rate
from rollup_survey_offers_daily r
where r.local_day between cast($prev_from as date) and cast($to as date)
	and ($segment is null or r.segment = $segment)
	and ($channel is null or r.channel = $channel)
	and ($team is null or r.team = $team)
	and ($occasion is null or r.occasion = $occasion)
group by all
order by cohort, r.kind
