-- days: the day of the current risk and the day to compare it with ("since last week"): the
-- newest day computed, and the newest day at least 7 days before it (null when none).
-- params: none
select
	cast(max(as_of) as varchar) as current,
	cast((select max(h.as_of) from churn_risk_history h where h.as_of <= (select max(as_of) from churn_risk_history) - 7) as varchar) as previous
from churn_risk_history
