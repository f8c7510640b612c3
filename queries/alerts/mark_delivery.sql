-- mark_delivery: an alert's delivery state after an attempt: sent, pending again (retry at
-- $next_attempt_at) or failed (out of attempts).
-- params: $id INTEGER, $delivery VARCHAR, $attempts INTEGER, $next_attempt_at VARCHAR (instant or
--         null), $last_error VARCHAR, $delivered_at VARCHAR (instant or null)
update alerts set
	delivery = $delivery,
	attempts = $attempts,
	next_attempt_at = cast($next_attempt_at as timestamptz),
	last_error = $last_error,
	delivered_at = cast($delivered_at as timestamptz)
where id = $id
