-- rollup_surveys_daily: survey answers per local day (unit's time zone), kind, occasion,
-- customer segment, answer channel, team of the linked ticket and score. Every survey KPI
-- (queries/kpi/nps.sql, queries/kpi/csat.sql) and the score distribution are sums over it, so
-- a page never reads raw answers to compute a figure.
--   segment: the customer's segment (null: no customer, or none recorded)
--   channel: the channel of the contact the answer is about: the ticket's channel (phone, email,
--            portal …) for an answer about a ticket, else the channel the answer came through
--            (a happy call: phone), so "CSAT of e-mail tickets" reads the same channel as the tickets
--   team:    the team of the ticket the answer is about (null for answers not about a ticket)
-- The per-kind counts below are kept for readers that do not need the score:
--   NPS  = (promoters − detractors) / answers × 100, promoters 9-10, passives 7-8, detractors 0-6
--   CSAT = satisfied / answers × 100, satisfied = scores 4-5 on the 1-5 scale
-- Sorted by day, so a period's rows are read from few row groups.
-- params: $tz VARCHAR, the unit's IANA time zone
create or replace table rollup_surveys_daily as
select
	cast(timezone($tz, s.answered_at) as date) as local_day,
	s.kind,
	s.occasion,
	c.segment,
	coalesce(t.channel, s.channel) as channel,
	t.team,
	s.score,
	cast(count(*) as integer) as answers,
	cast(count(*) filter (where s.kind = 'nps' and s.score >= 9) as integer) as promoters,
	cast(count(*) filter (where s.kind = 'nps' and s.score between 7 and 8) as integer) as passives,
	cast(count(*) filter (where s.kind = 'nps' and s.score <= 6) as integer) as detractors,
	cast(count(*) filter (where s.kind = 'csat' and s.score >= 4) as integer) as satisfied,
	cast(sum(s.score) as double) as score_sum
from survey_answers s
left join customers c on c.id = s.customer_id
left join tickets t on t.id = s.ticket_id
group by all
order by local_day
