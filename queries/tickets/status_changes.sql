-- status_changes: the statuses a ticket entered, in order.
-- params: $id VARCHAR
select cast(changed_at as varchar) as changed_at, status
from ticket_status_changes
where ticket_id = $id
order by changed_at, status
