-- risk_ranked: active customers as of a computed day, highest risk first, with every fact and
-- contribution of the model (churn_risk_history), the customer's name, segment and owner, and
-- the score on the day compared with (null when it was not computed then).
-- Grain: customer.  params: $as_of DATE, $previous DATE (null: no comparison), $min_score DOUBLE,
-- $limit INTEGER, $offset INTEGER
select
	r.* exclude (computed_at),
	c.name,
	c.segment,
	c.owner,
	p.score as previous_score,
	p.status as previous_status,
	cast(count(*) over () as integer) as total
from churn_risk_history r
join customers c on c.id = r.customer_id
left join churn_risk_history p on p.customer_id = r.customer_id and p.as_of = cast($previous as date)
where r.as_of = cast($as_of as date)
	and r.status = 'active'
	and r.score >= $min_score
order by r.rank
limit $limit offset $offset
