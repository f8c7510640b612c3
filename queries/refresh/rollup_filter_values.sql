-- rollup_filter_values: the values each filter list offers (segments, channels, teams, queues):
-- those present in the loaded data, found once per refresh rather than by scanning the rollups
-- on every page. Null (not recorded) is left out. Read by queries/kpi/dimension_values.sql.
-- params: none
create or replace table rollup_filter_values as
select distinct 'segment' as dimension, segment as value from customers where segment is not null
union select distinct 'channel', channel from tickets where channel is not null
union select distinct 'channel', channel from survey_answers where channel is not null
union select distinct 'team', team from tickets where team is not null
union select distinct 'queue', queue from calls where queue is not null
