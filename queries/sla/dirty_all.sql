-- sla_dirty_all: every ticket is recomputed (first refresh, or the clock rules changed: zone,
-- pause statuses, at-risk share).
-- params: none
insert into sla_dirty select id from tickets
