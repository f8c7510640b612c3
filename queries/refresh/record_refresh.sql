-- record_refresh: note when the rollups were rebuilt and in which time zone.
-- params: $tz VARCHAR
insert into rollup_state (id, refreshed_at, time_zone) values (1, now(), $tz)
on conflict (id) do update set refreshed_at = excluded.refreshed_at, time_zone = excluded.time_zone
