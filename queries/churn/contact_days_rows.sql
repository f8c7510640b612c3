-- contact_days_rows: the local days (unit's time zone) on which each customer was in touch,
-- and how: tickets opened, incoming calls (answered or abandoned: both are the customer
-- reaching out) and survey answers given. The churn model's rhythm and silence read this
-- (table churn_contact_days) instead of the raw tables, once per refresh, whatever the number
-- of days it is run for. Outgoing calls of the care unit are not contacts of the customer: a
-- call it answers shows up as the survey answer recorded on it.
-- prev_day is the customer's previous day in touch (the gap before this day is day − prev_day),
-- computed here once rather than in every day's risk computation. Built per local day like the
-- rollups (src/lib/server/refresh/rollups.ts): for some days only, prev_day is right within
-- them, and churn/contact_days_prev.sql sets it across their edges.
-- Grain: customer × day.
-- params: $tz VARCHAR, the unit's IANA time zone; $from, $to VARCHAR (DATE or ±infinity): the
-- local days to build; $lo, $hi VARCHAR (TIMESTAMPTZ or ±infinity): instants bounding those
-- days with a margin (see queries/refresh/rollup_calls_daily.sql)
select
	customer_id,
	day,
	lag(day) over (partition by customer_id order by day) as prev_day,
	tickets,
	calls,
	answers
from (
	select
		customer_id,
		day,
		cast(sum(tickets) as integer) as tickets,
		cast(sum(calls) as integer) as calls,
		cast(sum(answers) as integer) as answers
	from (
		select customer_id, cast(timezone($tz, created_at) as date) as day, 1 as tickets, 0 as calls, 0 as answers
		from tickets
		where customer_id is not null and created_at >= cast($lo as timestamptz) and created_at < cast($hi as timestamptz)
		union all
		select customer_id, cast(timezone($tz, started_at) as date), 0, 1, 0
		from calls
		where direction = 'inbound' and customer_id is not null and started_at >= cast($lo as timestamptz) and started_at < cast($hi as timestamptz)
		union all
		select customer_id, cast(timezone($tz, answered_at) as date), 0, 0, 1
		from survey_answers
		where customer_id is not null and answered_at >= cast($lo as timestamptz) and answered_at < cast($hi as timestamptz)
	)
	where day between cast($from as date) and cast($to as date)
	group by customer_id, day
)
order by customer_id, day
