-- snooze_of: a customer's latest snooze, if it still holds on a day.
-- params: $customer_id VARCHAR, $day DATE
select cast(until as varchar) as until, note, created_by, created_at
from churn_snoozes
where customer_id = $customer_id and until > cast($day as date)
	and id = (select max(id) from churn_snoozes where customer_id = $customer_id)
