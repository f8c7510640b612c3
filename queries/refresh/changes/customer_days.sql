-- customer_days: add to refresh_touched the local days of every ticket, call and survey answer
-- of a customer whose segment or name changed (refresh_changed_customers). Run only when some did.
-- params: $tz VARCHAR
insert into refresh_touched
select distinct day
from (
	select cast(timezone($tz, created_at) as date) as day from tickets semi join refresh_changed_customers c on c.id = tickets.customer_id
	union all
	select cast(timezone($tz, started_at) as date) from calls semi join refresh_changed_customers c on c.id = calls.customer_id
	union all
	select cast(timezone($tz, answered_at) as date) from survey_answers semi join refresh_changed_customers c on c.id = survey_answers.customer_id
)
where day not in (select day from refresh_touched)
