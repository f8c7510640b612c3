-- periods: the periods of a grain that a range of days touches, in the unit's calendar (a
-- Jalali month for an Iranian unit), each with its first and last day inside the range, so a
-- trend lists periods without data as gaps and can tell a period the range only partly covers.
-- params: $from DATE, $to DATE, $grain VARCHAR (day|week|month|quarter|year)
select
	cast(period as varchar) as period,
	cast(min(day) as varchar) as first_day,
	cast(max(day) as varchar) as last_day,
	cast(count(*) as integer) as days
from (
	select day, case $grain when 'day' then day when 'week' then week_start when 'month' then month_start when 'quarter' then quarter_start else year_start end as period
	from calendar_days
	where day between cast($from as date) and cast($to as date)
)
group by period
order by period
