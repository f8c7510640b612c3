-- history_days: the days the risk history holds, newest first, with whether they were
-- reconstructed (computed later from the data as it was) rather than recorded on the day.
-- params: none
select cast(as_of as varchar) as as_of, bool_and(reconstructed) as reconstructed, cast(count(*) as integer) as customers
from churn_risk_history
group by as_of
order by as_of desc
