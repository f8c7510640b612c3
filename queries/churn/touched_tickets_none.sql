-- touched_tickets_none: no tickets to recompute (every reopening is rebuilt).
-- params: none
create or replace temp table churn_touched_tickets (id varchar)
