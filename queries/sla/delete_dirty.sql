-- sla_delete_dirty: drop the stored clocks of the tickets being recomputed.
-- params: none
delete from sla_clocks where ticket_id in (select ticket_id from sla_dirty)
