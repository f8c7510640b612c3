-- sla_dirty_clear: start this refresh's list of tickets to recompute (temp table sla_dirty).
-- params: none
create or replace temp table sla_dirty (ticket_id varchar)
