-- sla_daily_days_computed: note the local creation days of the clocks this refresh computed (the
-- days the recomputed tickets are on now). The clocks just computed carry the newest stamp,
-- now() of the refresh's transaction (or of the computing statement, run alone): a filter on it
-- that the scan applies first, skipping older row groups, before the tickets are matched
-- against sla_dirty, which alone decides (older rows of those tickets were deleted).
-- params: none
insert into sla_daily_days
select distinct created_day from sla_clocks
where computed_at >= least(now(), (select max(computed_at) from sla_clocks)) and ticket_id in (select ticket_id from sla_dirty)
