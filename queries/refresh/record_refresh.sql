-- record_refresh: note when the derived tables were rebuilt, in which time zone and for which settings.
-- params: $tz VARCHAR, $settings_hash VARCHAR
insert into rollup_state (id, refreshed_at, time_zone, settings_hash) values (1, now(), $tz, $settings_hash)
on conflict (id) do update set refreshed_at = excluded.refreshed_at, time_zone = excluded.time_zone, settings_hash = excluded.settings_hash
