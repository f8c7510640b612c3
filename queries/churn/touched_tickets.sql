-- touched_tickets: the tickets whose reopenings a refresh recomputes: tickets loaded since the
-- last refresh (refresh_changed: a new customer, or new) and tickets with status changes from
-- the files it takes in (refresh_new_files).
-- params: none
create or replace temp table churn_touched_tickets as
select id from refresh_changed where dataset = 'tickets'
union
select ticket_id from ticket_status_changes where source_file_id in (select id from refresh_new_files where dataset = 'ticket_status_changes')
