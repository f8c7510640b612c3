-- changed_none: no changed rows (a refresh that rebuilds everything).
-- params: none
create or replace temp table refresh_changed (dataset varchar, id varchar, key ubigint, counted_at timestamptz, stamp timestamptz, from_file boolean)
