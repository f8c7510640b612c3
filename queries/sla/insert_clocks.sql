-- sla_insert_clocks: store the recomputed clocks (temp table sla_new).
-- params: none
insert into sla_clocks by name select * from sla_new
