-- record_edit: note that an annotation was changed on the Annotations page, and when.
-- params: $id VARCHAR
insert into annotation_edits (annotation_id, edited_at) values ($id, now())
on conflict (annotation_id) do update set edited_at = excluded.edited_at
