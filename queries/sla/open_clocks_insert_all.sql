-- sla_open_clocks_insert_all: after a full recompute, copy the clocks of every open ticket (a
-- time not stopped) into sla_open_clocks (migration 023).
-- grain: one row per such ticket, every column of sla_clocks.
-- params: none
insert into sla_open_clocks
select * from sla_clocks
where not (coalesce(fr_stopped, false) and coalesce(res_stopped, false))
