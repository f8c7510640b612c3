-- data_extent: first and last local day with any ticket, call or survey answer (null when empty),
-- so an empty period can point at where the data is and the default period lands on the data.
-- Read from rollup_data_extent (built at refresh).
-- params: none
select cast(first_day as varchar) as first_day, cast(last_day as varchar) as last_day from rollup_data_extent
