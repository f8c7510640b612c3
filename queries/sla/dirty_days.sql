-- sla_dirty_days: tickets whose span (created … resolved or closed, or still open) covers a day
-- whose business time changed (business_days_changed). The first changed day ending after a
-- ticket's creation is the only one to check: the days are disjoint and in order, so if the
-- ticket stopped before that day began it stopped before every later one too.
-- params: none
insert into sla_dirty
select t.id
from tickets t
asof join business_days_changed ch on t.created_at < ch.day_end
where coalesce(t.resolved_at, t.closed_at) is null
	or coalesce(t.resolved_at, t.closed_at) >= ch.day_start
