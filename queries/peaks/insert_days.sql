-- insert_days: the days the baselines cover, from the first to the last local day with any
-- incoming call or ticket, each with the class of days it is compared with:
--   working days: the same weekday and day kind ('full6' = a full Saturday, 'half4' = a half
--   Thursday), so a Saturday is compared with Saturdays, never with a quieter Tuesday;
--   days off (weekends and holidays, from calendar_days): 'off', all compared with each other,
--   so a holiday is never compared with the working days of its weekday, nor they with it.
-- seq numbers the days of a class in time; working_index counts working days up to the day
-- (two peak days are consecutive when no working day lies between them).
-- params: none
insert into peaks_days
with bounds as (
	select min(day) as first_day, max(day) as last_day
	from (
		select local_day as day from rollup_calls_hourly where direction = 'inbound'
		union all
		select local_day from rollup_tickets_hourly
	)
),
days as (
	select c.day, c.weekday, c.day_kind, c.holiday, case when c.day_kind = 'off' then 'off' else c.day_kind || c.weekday end as class
	from calendar_days c, bounds b
	where c.day between b.first_day and b.last_day
)
select
	day,
	weekday,
	day_kind,
	holiday,
	class,
	cast(row_number() over (partition by class order by day) as integer) as seq,
	cast(sum(case when day_kind = 'off' then 0 else 1 end) over (order by day) as integer) as working_index
from days
