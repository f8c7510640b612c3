-- sla_daily_delete_all: drop the whole SLA summary before a full recompute rebuilds it.
-- params: none
delete from sla_daily
