-- dirty_restore: every dirty ticket again (after computing their clocks a batch at a time), for
-- the statements after compute_clocks that read sla_dirty (dirty_batches_drop drops the batches).
-- params: none
create or replace temp table sla_dirty as
select ticket_id from sla_dirty_batches
