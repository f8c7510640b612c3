-- sla_delete_all: drop every stored clock before a full recompute.
-- params: none
delete from sla_clocks
