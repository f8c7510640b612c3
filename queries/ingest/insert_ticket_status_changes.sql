-- insert_ticket_status_changes: the second half of merging one file's staged status changes; the key is the whole
-- row (ticket, time, status), so a change seen again only refreshes its provenance. Distinct:
-- one instant may be written two ways in a file (with Z and with an offset), one row per key.
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into ticket_status_changes (ticket_id, changed_at, status, source_file_id, loaded_at)
select distinct ticket_id, to_instant(changed_at, $tz), status, $file_id, now()
from stage
