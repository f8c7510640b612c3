-- sla_changed_days_count: how many days' business time changed in this refresh (0: no ticket
-- needs the span check of sla/dirty_days).
-- params: none
select cast(count(*) as integer) as n from business_days_changed
