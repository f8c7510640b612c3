-- dimension_values: the values a filter can take (segments, channels, teams, queues) that have
-- data, from rollup_filter_values (built at refresh).
-- params: none
select dimension, value from rollup_filter_values order by dimension, value
