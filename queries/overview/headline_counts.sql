-- headline_counts: the overview's headline numbers for a period of local days (both included).
-- tickets = tickets opened. calls = all calls, in and out; the split (opened a case, follow-up,
-- answered) is of incoming calls only: outbound calls are the care unit's own, and a customer
-- who does not pick up is not a call the support line failed to answer.
-- surveys = answers of each kind. Read from the rollups (queries/refresh), never from raw rows.
-- params: $from DATE, $to DATE
select
	cast((select coalesce(sum(created), 0) from rollup_tickets_daily where local_day between cast($from as date) and cast($to as date)) as integer) as tickets,
	cast(coalesce(sum(c.calls), 0) as integer) as calls,
	cast(coalesce(sum(c.calls) filter (where c.direction = 'inbound'), 0) as integer) as calls_inbound,
	cast(coalesce(sum(c.answered) filter (where c.direction = 'inbound'), 0) as integer) as calls_inbound_answered,
	cast(coalesce(sum(c.opened_case) filter (where c.direction = 'inbound'), 0) as integer) as calls_opened_case,
	cast(coalesce(sum(c.follow_ups) filter (where c.direction = 'inbound'), 0) as integer) as calls_follow_up,
	cast((select coalesce(sum(answers), 0) from rollup_surveys_daily where local_day between cast($from as date) and cast($to as date)) as integer) as surveys,
	cast((select coalesce(sum(answers), 0) from rollup_surveys_daily where kind = 'nps' and local_day between cast($from as date) and cast($to as date)) as integer) as surveys_nps,
	cast((select coalesce(sum(answers), 0) from rollup_surveys_daily where kind = 'csat' and local_day between cast($from as date) and cast($to as date)) as integer) as surveys_csat
from rollup_calls_hourly c
where c.local_day between cast($from as date) and cast($to as date)
