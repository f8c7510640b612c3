-- sla_unsettled_delete_all: drop every unsettled-clock row before a full recompute.
-- params: none
delete from sla_unsettled
