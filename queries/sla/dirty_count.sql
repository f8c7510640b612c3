-- sla_dirty_count: how many tickets this refresh recomputes.
-- params: none
select cast(count(distinct ticket_id) as integer) as n from sla_dirty
