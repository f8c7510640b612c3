-- refresh_state: when the rollups were last rebuilt and in which time zone (no row: never).
-- params: none
select cast(refreshed_at as varchar) as refreshed_at, time_zone from rollup_state where id = 1
