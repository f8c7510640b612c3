-- list_days: the days a follow-up list was made, newest first, with how many items each holds and how many are closed.
-- params: $limit INTEGER
select cast(d.day as varchar) as day, d.capacity,
	cast(count(f.id) as integer) as items,
	cast(count(f.id) filter (where f.status in ('reached', 'done')) as integer) as closed
from follow_up_days d
left join follow_ups f on f.list_day = d.day
group by d.day, d.capacity
order by d.day desc
limit $limit
