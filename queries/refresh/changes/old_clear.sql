-- old_clear: an empty refresh_old (instants changed rows were counted at before) for this refresh.
-- params: none
create or replace temp table refresh_old (counted_at timestamptz)
