-- reopens_rows: every time a ticket was reopened: it entered new, open, waiting_customer or
-- on_hold right after being resolved or closed (from ticket_status_changes). Read by the churn
-- model's "reopened tickets" factor (table churn_reopens), once per refresh rather than per
-- day computed. All tickets, or ($all false) those in churn_touched_tickets.
-- Grain: ticket × reopening.  params: $all BOOLEAN
select s.ticket_id, t.customer_id, s.changed_at as reopened_at
from (
	select ticket_id, changed_at, status, lag(status) over (partition by ticket_id order by changed_at) as before
	from ticket_status_changes
	where $all or ticket_id in (select id from churn_touched_tickets)
) s
join tickets t on t.id = s.ticket_id
where s.before in ('resolved', 'closed') and s.status in ('new', 'open', 'waiting_customer', 'on_hold')
