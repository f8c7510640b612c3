-- sla_open_clocks_insert: copy the recomputed clocks (temp table sla_dirty) of open tickets (a
-- time not stopped) into sla_open_clocks (migration 023): the only clocks whose state can depend
-- on now, and the only ones the at-risk list and the open counts look at.
-- grain: one row per such ticket, every column of sla_clocks.
-- params: none
insert into sla_open_clocks
select * from sla_clocks
where ticket_id in (select ticket_id from sla_dirty)
	and not (coalesce(fr_stopped, false) and coalesce(res_stopped, false))
