-- rollup_survey_offers_daily: surveys offered per local day (unit's time zone), kind, occasion,
-- customer segment, channel and team, and how many of them were answered: the response rate
-- (queries/kpi/response_rate.sql) is a sum over it. Only sources that record their offers
-- (Zendesk's satisfaction "Offered" …) add rows: answers from a source that records only
-- answers are not offers, so they neither raise nor lower the rate. Channel and team as for
-- answers (rollup_survey_answers): the ticket's, else the survey's own channel.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_survey_offers_daily as
select
	cast(timezone($tz, o.offered_at) as date) as local_day,
	o.kind,
	o.occasion,
	c.segment,
	coalesce(t.channel, o.channel) as channel,
	t.team,
	cast(count(*) as integer) as offered,
	cast(count(*) filter (where o.answered) as integer) as answered
from survey_offers o
left join customers c on c.id = o.customer_id
left join tickets t on t.id = o.ticket_id
group by all
order by local_day
