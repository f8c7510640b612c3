-- insert: record a new alert, unless one exists for the same thing: the same key, or (for a
-- volume alert) the same metric over an overlapping span, so a peak whose first hour moved
-- (late data) or that grew from hours into a whole day is not alerted twice.
-- Returns the new alert's id (no row: it already existed).
-- params: $key, $kind, $metric, $peak_key VARCHAR; $window_start, $window_end VARCHAR
--         (instants); $actual, $expected, $upper DOUBLE; $message_key VARCHAR; $message_params
--         VARCHAR (JSON); $delivery VARCHAR (pending | not_configured); $now VARCHAR (instant)
insert into alerts (key, kind, metric, raised_at, peak_key, window_start, window_end, actual, expected, upper,
	message_key, message_params, delivery, attempts, next_attempt_at)
select $key, $kind, $metric, cast($now as timestamptz), $peak_key, cast($window_start as timestamptz), cast($window_end as timestamptz),
	$actual, $expected, $upper, $message_key, cast($message_params as json), $delivery, 0,
	case when $delivery = 'pending' then cast($now as timestamptz) end
where not exists (
	select 1 from alerts a
	where a.key = $key
		or ($kind = 'volume' and a.kind = 'volume' and a.metric = $metric
			and a.window_start < cast($window_end as timestamptz) and cast($window_start as timestamptz) < a.window_end)
)
on conflict (key) do nothing
returning id
