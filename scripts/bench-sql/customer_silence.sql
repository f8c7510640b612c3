-- customer_silence: for every customer in touch during the period (a ticket opened, an
-- incoming call, a survey answer), its last local day in touch (Asia/Tehran), the days of
-- silence since then up to the period's last day, and its days in touch in the period.
-- params: $1 first local day, $2 last local day
with contacts as (
	select customer_id, cast(created_at at time zone 'Asia/Tehran' as date) as day
	from tickets
	where created_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
		and created_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
	union all
	select customer_id, cast(started_at at time zone 'Asia/Tehran' as date)
	from calls
	where direction = 'inbound'
		and started_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
		and started_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
	union all
	select customer_id, cast(answered_at at time zone 'Asia/Tehran' as date)
	from survey_answers
	where answered_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
		and answered_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
)
select
	customer_id,
	max(day) as last_day,
	cast(cast($2 as date) - max(day) as integer) as silence_days,
	count(distinct day) as contact_days
from contacts
where customer_id is not null
group by customer_id
order by silence_days desc, customer_id
