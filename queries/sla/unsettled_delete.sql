-- sla_unsettled_delete: drop the unsettled-clock rows (sla_unsettled, migration 023) of the
-- tickets being recomputed (temp table sla_dirty).
-- params: none
delete from sla_unsettled where ticket_id in (select ticket_id from sla_dirty)
