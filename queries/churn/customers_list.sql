-- customers_list: the customer list: every customer with its risk on the current day, last
-- contact and renewal, filtered, sorted and paged on the server.
-- Filters (null: not set): $q (part of the id, or of the name when $names is true), $segment,
-- $owner, $risk ('at_risk': score ≥ $at_risk; 'watch': from half of it; 'low': below half),
-- $silent_days (silent at least this many days), $renewal_days (renewal within this many days),
-- $status (active | lapsed | lost | not_started).
-- $sort is one of score | name | id | segment | owner | silence | renewal | change (allow-listed
-- in TypeScript), $dir asc | desc.  Grain: customer.
-- params: $as_of DATE, $previous DATE, $at_risk DOUBLE, $names BOOLEAN, $q, $segment, $owner,
-- $risk, $status VARCHAR, $silent_days, $renewal_days, $limit, $offset INTEGER, $sort, $dir VARCHAR
with rows as (
	select
		c.id as customer_id,
		c.name,
		c.segment,
		c.owner,
		c.renewal_date,
		r.status,
		r.score,
		r.rank,
		r.silence_days,
		r.last_contact_day,
		r.renewal_day,
		r.renewal_days,
		p.score as previous_score,
		p.status as previous_status,
		r.score - p.score as change
	from customers c
	left join churn_risk_history r on r.customer_id = c.id and r.as_of = cast($as_of as date)
	left join churn_risk_history p on p.customer_id = c.id and p.as_of = cast($previous as date)
	where ($q is null
			or contains(lower(c.id), lower($q))
			or ($names and contains(lower(coalesce(c.name, '')), lower($q))))
		and ($segment is null or c.segment = $segment)
		and ($owner is null or c.owner = $owner)
		and ($status is null or r.status = $status)
		and ($risk is null
			or ($risk = 'at_risk' and r.score >= $at_risk)
			or ($risk = 'watch' and r.score >= $at_risk / 2 and r.score < $at_risk)
			or ($risk = 'low' and r.score < $at_risk / 2))
		and ($silent_days is null or r.silence_days >= $silent_days)
		and ($renewal_days is null or (r.renewal_days is not null and r.renewal_days <= $renewal_days))
)
select *, cast(count(*) over () as integer) as total
from rows
order by
	-- By risk, customers still with us come before those who left.
	case when $sort = 'score' then status = 'active' end desc nulls last,
	case when $dir = 'asc' then
		case $sort
			when 'score' then score
			when 'silence' then silence_days
			when 'renewal' then renewal_days
			when 'change' then change
		end
	end asc nulls last,
	case when $dir = 'desc' then
		case $sort
			when 'score' then score
			when 'silence' then silence_days
			when 'renewal' then renewal_days
			when 'change' then change
		end
	end desc nulls last,
	case when $dir = 'asc' then
		case $sort when 'name' then coalesce(name, customer_id) when 'id' then customer_id when 'segment' then segment when 'owner' then owner end
	end asc nulls last,
	case when $dir = 'desc' then
		case $sort when 'name' then coalesce(name, customer_id) when 'id' then customer_id when 'segment' then segment when 'owner' then owner end
	end desc nulls last,
	customer_id
limit $limit offset $offset
