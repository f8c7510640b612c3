-- rollup_filter_values: the values each filter list offers (segments, channels, teams, queues):
-- those present in the loaded data, found once per refresh rather than by scanning the rollups
-- on every page. Null (not recorded) is left out. Read by queries/kpi/dimension_values.sql.
-- Ticket channels and teams and call queues are read from the day rollups, which hold every
-- ticket and call under its own values (far fewer rows than the tables); an answer's own channel
-- is not in any rollup (rollup_survey_answers keeps its ticket's), so it is read from the answers.
-- params: none
create or replace table rollup_filter_values as
select distinct 'segment' as dimension, segment as value from customers where segment is not null
union select distinct 'channel', channel from rollup_tickets_daily where channel is not null
union select distinct 'channel', channel from survey_answers where channel is not null
union select distinct 'team', team from rollup_tickets_daily where team is not null
union select distinct 'queue', queue from rollup_calls_daily where queue is not null
