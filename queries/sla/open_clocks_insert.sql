-- sla_open_clocks_insert: copy the recomputed clocks (temp table sla_dirty) of open tickets (a
-- time not stopped) into sla_open_clocks (migration 023): the only clocks whose state can depend
-- on now, and the only ones the at-risk list and the open counts look at.
-- The clocks just computed carry the newest stamp, now() of the refresh's transaction (or of
-- the computing statement, run alone): the scan filters on it first, skipping older row groups,
-- before matching sla_dirty, which alone decides (older rows of those tickets were deleted).
-- grain: one row per such ticket, every column of sla_clocks.
-- params: none
insert into sla_open_clocks
select * from sla_clocks
where computed_at >= least(now(), (select max(computed_at) from sla_clocks))
	and ticket_id in (select ticket_id from sla_dirty)
	and not (coalesce(fr_stopped, false) and coalesce(res_stopped, false))
