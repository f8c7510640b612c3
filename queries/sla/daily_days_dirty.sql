-- sla_daily_days_dirty: note the local creation days of the stored clocks of the tickets being
-- recomputed (temp table sla_dirty). Run before their rows are deleted (the days they leave) and
-- after they are computed again (the days they are on now).
-- params: none
insert into sla_daily_days
select distinct created_day from sla_clocks
where ticket_id in (select ticket_id from sla_dirty)
