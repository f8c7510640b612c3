-- sla_by_priority: first-response SLA compliance per priority for the tickets opened in the
-- period, in elapsed time (what a query on the help desk's tables can do without a business
-- calendar): met = answered within the target (critical 1 h, high 4 h, normal 8 h, low 24 h),
-- compliance = met / answered × 100.
-- params: $1 first local day, $2 last local day
select
	priority,
	count(*) as tickets,
	count(*) filter (where first_response_at is not null) as answered,
	count(*) filter (where first_response_at <= created_at + case priority
		when 'critical' then interval '1 hour' when 'high' then interval '4 hours'
		when 'normal' then interval '8 hours' else interval '24 hours' end) as met,
	round(100.0 * count(*) filter (where first_response_at <= created_at + case priority
		when 'critical' then interval '1 hour' when 'high' then interval '4 hours'
		when 'normal' then interval '8 hours' else interval '24 hours' end)
		/ nullif(count(*) filter (where first_response_at is not null), 0), 6) as compliance
from tickets
where created_at >= cast(cast($1 as date) as timestamp) at time zone 'Asia/Tehran'
	and created_at < cast(cast($2 as date) + 1 as timestamp) at time zone 'Asia/Tehran'
group by priority
order by priority
