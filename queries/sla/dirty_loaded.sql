-- sla_dirty_loaded: tickets loaded (new or updated) after $since, tickets with status changes
-- loaded after it, and tickets of customers loaded after it (segment, tier).
-- params: $since VARCHAR (timestamptz text; '-infinity' when nothing was loaded before)
insert into sla_dirty
select id from tickets where loaded_at > cast($since as timestamptz)
union
select ticket_id from ticket_status_changes where loaded_at > cast($since as timestamptz)
union
select t.id from tickets t join customers c on c.id = t.customer_id where c.loaded_at > cast($since as timestamptz)
