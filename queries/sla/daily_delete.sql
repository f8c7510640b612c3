-- sla_daily_delete: drop the SLA summary rows of the days being rebuilt (temp table sla_daily_days).
-- params: none
delete from sla_daily where created_day in (select day from sla_daily_days)
