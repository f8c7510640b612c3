-- insert: an annotation entered on the Annotations page. Times are wall-clock text in the
-- unit's zone (to_instant, migration 001). source_file_id stays null: entered, not loaded.
-- params: $id, $kind, $title, $description VARCHAR; $starts_at, $ends_at VARCHAR (local, ends may be null); $tz VARCHAR
insert into annotations (id, kind, starts_at, ends_at, title, description, loaded_at)
values ($id, $kind, to_instant($starts_at, $tz), to_instant($ends_at, $tz), $title, $description, now())
