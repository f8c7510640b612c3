-- drop_temp: drop one temp table of change detection (a pooled connection outlives the refresh,
-- and the changed rows of a large load would hold memory until it closes).
-- params: none
drop table if exists refresh_changed
