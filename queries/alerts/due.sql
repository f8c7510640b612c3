-- due: alerts waiting to be posted to the webhook whose next attempt is due.
-- params: $now VARCHAR (instant)
select
	id, key, kind, metric, cast(raised_at as varchar) as raised_at, peak_key,
	cast(window_start as varchar) as window_start, cast(window_end as varchar) as window_end,
	actual, expected, upper, message_key, cast(message_params as varchar) as message_params, attempts
from alerts
where delivery = 'pending' and next_attempt_at <= cast($now as timestamptz)
order by id
