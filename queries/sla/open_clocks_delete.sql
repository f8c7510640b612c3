-- sla_open_clocks_delete: drop the open-ticket clock rows (sla_open_clocks, migration 023) of the
-- tickets being recomputed (temp table sla_dirty).
-- params: none
delete from sla_open_clocks where ticket_id in (select ticket_id from sla_dirty)
