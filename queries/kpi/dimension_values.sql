-- dimension_values: the values a filter can take (segments, channels, teams, queues), from the
-- rollups, so the filter lists offer only values that have data. Null (not recorded) is left out.
-- params: none
select distinct 'segment' as dimension, segment as value from rollup_surveys_daily where segment is not null
union select distinct 'segment', segment from rollup_tickets_daily where segment is not null
union select distinct 'segment', segment from rollup_calls_hourly where segment is not null
union select distinct 'channel', channel from rollup_tickets_daily where channel is not null
union select distinct 'channel', channel from rollup_surveys_daily where channel is not null
union select distinct 'team', team from rollup_tickets_daily where team is not null
union select distinct 'team', team from rollup_surveys_daily where team is not null
union select distinct 'queue', queue from rollup_calls_hourly where queue is not null
order by 1, 2
