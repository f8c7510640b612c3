-- customer: one customer's record (names and contact details are PII: the domain layer drops
-- them for viewers who may not see them), with whether it has ever been on a follow-up list.
-- params: $id VARCHAR
select
	c.id, c.name, c.segment, c.owner,
	cast(c.contract_start as varchar) as contract_start,
	cast(c.renewal_date as varchar) as renewal_date,
	c.contact_name, c.contact_phone, c.contact_email,
	cast(c.contact_since as varchar) as contact_since,
	c.is_stub,
	exists (select 1 from follow_ups f where f.customer_id = c.id) as on_follow_ups,
	l.lost_on is not null as marked_lost,
	cast(l.lost_on as varchar) as lost_on
from customers c
left join churn_lost l on l.customer_id = c.id
where c.id = $id
