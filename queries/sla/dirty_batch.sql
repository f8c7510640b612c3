-- dirty_batch: make one batch of sla_dirty_batches the dirty tickets (sla_dirty) for compute_clocks.
-- params: $batch INTEGER
create or replace temp table sla_dirty as
select ticket_id from sla_dirty_batches where batch = $batch
