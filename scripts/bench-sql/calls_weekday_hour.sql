-- calls_weekday_hour: incoming calls of the period by local weekday (0 = Sunday) and hour
-- (Asia/Tehran), answered among them, and the mean wait.
-- params: $1 first local day, $2 last local day
select
	cast(extract(dow from started_at at time zone 'Asia/Tehran') as integer) as weekday,
	cast(extract(hour from started_at at time zone 'Asia/Tehran') as integer) as hour,
	count(*) as calls,
	count(*) filter (where outcome = 'answered') as answered,
	cast(avg(wait_seconds) as decimal(18, 6)) as mean_wait
from calls
where direction = 'inbound'
	and started_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
	and started_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
group by 1, 2
order by 1, 2
