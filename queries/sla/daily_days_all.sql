-- sla_daily_days_all: every local creation day of the stored clocks (after a full recompute).
-- params: none
insert into sla_daily_days select distinct created_day from sla_clocks
