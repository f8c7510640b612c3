-- record_attempt: one attempt to post an alert, kept whatever its outcome.
-- params: $alert_id INTEGER, $attempt INTEGER, $now VARCHAR, $url VARCHAR, $ok BOOLEAN,
--         $http_status INTEGER, $error VARCHAR
insert into alert_deliveries (alert_id, attempt, attempted_at, url, ok, http_status, error)
values ($alert_id, $attempt, cast($now as timestamptz), $url, $ok, $http_status, $error)
