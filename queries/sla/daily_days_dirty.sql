-- sla_daily_days_dirty: note the local creation days of the stored clocks of the tickets about to
-- be recomputed (temp table sla_dirty): the days they leave. Run before their rows are deleted.
-- params: none
insert into sla_daily_days
select distinct created_day from sla_clocks
where ticket_id in (select ticket_id from sla_dirty)
