-- ticket: one ticket with its customer, for the ticket page. The viewer decides what leaves the
-- database: $show_text false leaves the subject out (free text that quotes customers),
-- $show_names false the customer's name.
-- params: $id VARCHAR, $show_text BOOLEAN, $show_names BOOLEAN
select
	t.id, t.customer_id,
	case when $show_names then c.name end as customer_name,
	c.segment, t.channel, t.category, t.priority, t.support_level, t.status, t.team, t.assignee,
	case when $show_text then t.subject end as subject,
	cast(t.created_at as varchar) as created_at,
	cast(t.first_response_at as varchar) as first_response_at,
	cast(t.resolved_at as varchar) as resolved_at,
	cast(t.closed_at as varchar) as closed_at
from tickets t
left join customers c on c.id = t.customer_id
where t.id = $id
