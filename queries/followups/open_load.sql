-- open_load: open follow-ups (to call, no answer, call back) due on a day, per assignee: the
-- items a day's list carries over from earlier days.
-- params: $day DATE
select assignee, cast(count(*) as integer) as items
from follow_ups f
where f.status in ('to_call', 'no_answer', 'call_back')
	and f.list_day < cast($day as date)
	and (f.call_back_on is null or f.call_back_on <= cast($day as date))
	and not exists (select 1 from churn_snoozes s where s.customer_id = f.customer_id and s.until > cast($day as date)
		and s.id = (select max(id) from churn_snoozes z where z.customer_id = f.customer_id))
group by assignee
