-- business_calendar_insert_days: each local day's intervals as a signature ('' when closed),
-- compared at the next refresh to find changed days.
-- params: none
insert into business_days
select c.day, coalesce(string_agg(cast(i.start_s as varchar) || '-' || cast(i.end_s as varchar), ',' order by i.start_s), '')
from calendar_days c
left join business_intervals_new i on i.day = c.day
group by c.day
