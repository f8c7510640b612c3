-- data_days: the first and last local day with data as the last refresh saw them (to judge
-- whether rebuilding the touched days costs more than rebuilding everything).
-- params: none
select cast(first_day as varchar) as first_day, cast(last_day as varchar) as last_day from rollup_data_extent
