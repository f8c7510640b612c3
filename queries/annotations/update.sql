-- update: change an annotation (entered or loaded) from the Annotations page (annotations/record_edit
-- notes when). A later load of a file with the same id replaces it again, as any load updates.
-- params: $id, $kind, $title, $description VARCHAR; $starts_at, $ends_at VARCHAR (local); $tz VARCHAR
update annotations set
	kind = $kind,
	title = $title,
	description = $description,
	starts_at = to_instant($starts_at, $tz),
	ends_at = to_instant($ends_at, $tz)
where id = $id
returning id
