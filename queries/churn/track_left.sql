-- track_left: the stored track record's customers who left (churn_track_left, computed by the
-- churn refresh step from queries/churn/track_record.sql) with their name and segment, most
-- recent leaving first. The caller leaves names out for viewers who may not see them.
-- Grain: customer.  params: none
select
	t.customer_id, c.name, c.segment, t.status,
	cast(t.left_on as varchar) as left_on,
	t.days_computed, t.max_score,
	cast(t.first_flagged as varchar) as first_flagged,
	t.lead_days
from churn_track_left t
left join customers c on c.id = t.customer_id
order by t.left_on desc, t.customer_id
