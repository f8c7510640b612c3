-- recent: the latest alerts with their delivery state (the Alerts list).
-- params: $limit INTEGER
select
	id, key, kind, metric, cast(raised_at as varchar) as raised_at, peak_key,
	cast(window_start as varchar) as window_start, cast(window_end as varchar) as window_end,
	actual, expected, upper, message_key, cast(message_params as varchar) as message_params,
	delivery, attempts, last_error, cast(delivered_at as varchar) as delivered_at, cast(seen_at as varchar) as seen_at
from alerts
order by raised_at desc, id desc
limit $limit
