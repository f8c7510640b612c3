-- forget_ticket_status_changes: the first half of merging one file's staged status changes: the
-- key is the whole row (ticket, time, status), so a change seen again is written again with the
-- new file's provenance by insert_ticket_status_changes.
-- params: $tz VARCHAR: zone of times written without an offset.
delete from ticket_status_changes t
using (select ticket_id, to_instant(changed_at, $tz) as changed_at, status from stage) s
where t.ticket_id = s.ticket_id and t.changed_at = s.changed_at and t.status = s.status
