-- refresh_state: when the derived tables were last rebuilt, in which time zone and for which
-- settings (no row: never).
-- params: none
select cast(refreshed_at as varchar) as refreshed_at, time_zone, settings_hash from rollup_state where id = 1
