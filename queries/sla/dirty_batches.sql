-- dirty_batches: set the dirty tickets (temp table sla_dirty) aside in numbered batches of about
-- $size tickets (temp table sla_dirty_batches), so the clocks of many tickets (the first refresh
-- of 10M) are computed a batch at a time: the status changes' window and the joins then hold a
-- batch's rows in memory, not every ticket's (DuckDB ran out of a 512 MB memory_limit on 10M at once).
-- params: $size INTEGER
create or replace temp table sla_dirty_batches as
select ticket_id, cast((row_number() over (order by ticket_id) - 1) // $size as integer) as batch
from (select distinct ticket_id from sla_dirty)
