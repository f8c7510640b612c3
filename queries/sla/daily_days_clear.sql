-- sla_daily_days_clear: start this refresh's list of local creation days whose SLA summary
-- (sla_daily, migration 023) is rebuilt (temp table sla_daily_days).
-- params: none
create or replace temp table sla_daily_days (day date)
