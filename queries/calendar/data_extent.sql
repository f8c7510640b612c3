-- calendar_data_extent: the first and last local day (unit's time zone) of any loaded record,
-- so the calendar table covers all of them (null when nothing is loaded).
-- params: $tz VARCHAR
select cast(min(d) as varchar) as first_day, cast(max(d) as varchar) as last_day
from (
	select cast(timezone($tz, min(created_at)) as date) as d from tickets
	-- the latest of each column (not the latest coalesce(closed_at, resolved_at, created_at) row by
	-- row: that reads three columns of every ticket, 230 ms at 10M against 60 ms; it is the same
	-- day unless a ticket was closed before it was resolved, and never an earlier one)
	union all select cast(timezone($tz, greatest(max(created_at), max(resolved_at), max(closed_at))) as date) from tickets
	union all select cast(timezone($tz, min(started_at)) as date) from calls
	union all select cast(timezone($tz, max(started_at)) as date) from calls
	union all select cast(timezone($tz, min(answered_at)) as date) from survey_answers
	union all select cast(timezone($tz, max(answered_at)) as date) from survey_answers
	union all select min(day) from product_activity
	union all select max(day) from product_activity
	union all select min(contract_start) from customers
	union all select max(renewal_date) from customers
)
