-- sla_mark_dirty: the tickets whose SLA clocks must be recomputed in this refresh:
--   every ticket when $full (first refresh, or the clock rules changed: zone, pause statuses, at-risk share);
--   tickets loaded (new or updated) after $since, tickets with status changes loaded after it,
--   tickets of customers loaded after it (segment, tier);
--   tickets created on or after $policy_from (the policies in force changed from that day);
--   tickets whose span (created … resolved, or still open) covers a day whose business time changed.
-- grain: one row per ticket id. Staged into a temp table.
-- params: $full BOOLEAN, $since VARCHAR (timestamptz text; '-infinity' when nothing was loaded before), $policy_from DATE (null: none), $tz VARCHAR
create or replace temp table sla_dirty as
select id as ticket_id from tickets where $full
union
select id from tickets where loaded_at > cast($since as timestamptz)
union
select ticket_id from ticket_status_changes where loaded_at > cast($since as timestamptz)
union
select t.id from tickets t join customers c on c.id = t.customer_id where c.loaded_at > cast($since as timestamptz)
union
select id from tickets where cast(timezone($tz, created_at) as date) >= $policy_from
union
select t.id
from tickets t
asof join business_days_changed ch on cast(timezone($tz, t.created_at) as date) <= ch.day
where coalesce(t.resolved_at, t.closed_at) is null
	or ch.day <= cast(timezone($tz, coalesce(t.resolved_at, t.closed_at)) as date)
