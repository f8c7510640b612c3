-- upsert_ticket_status_changes: merge one file's staged status changes; the key is the whole
-- row (ticket, time, status), so a change seen again only refreshes its provenance.
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into ticket_status_changes (ticket_id, changed_at, status, source_file_id, loaded_at)
select ticket_id, to_instant(changed_at, $tz), status, $file_id, now()
from stage
on conflict (ticket_id, changed_at, status) do update set
	source_file_id = excluded.source_file_id, loaded_at = excluded.loaded_at
