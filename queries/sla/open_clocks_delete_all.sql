-- sla_open_clocks_delete_all: drop every open-ticket clock row before a full recompute.
-- params: none
delete from sla_open_clocks
