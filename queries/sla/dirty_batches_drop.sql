-- dirty_batches_drop: drop the batches of dirty tickets (a pooled connection outlives the refresh).
-- params: none
drop table if exists sla_dirty_batches
