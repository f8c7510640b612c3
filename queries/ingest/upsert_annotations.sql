-- upsert_annotations: merge one file's staged release and incident annotations (by id).
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into annotations (id, kind, starts_at, ends_at, title, description, source_file_id, loaded_at)
select id, kind, to_instant(starts_at, $tz), to_instant(ends_at, $tz), title, description, $file_id, now()
from stage
on conflict (id) do update set
	kind = excluded.kind, starts_at = excluded.starts_at, ends_at = excluded.ends_at, title = excluded.title,
	description = excluded.description, source_file_id = excluded.source_file_id, loaded_at = excluded.loaded_at
