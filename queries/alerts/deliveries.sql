-- deliveries: the attempts to post one alert, oldest first.
-- params: $alert_id INTEGER
select attempt, cast(attempted_at as varchar) as attempted_at, url, ok, http_status, error
from alert_deliveries where alert_id = $alert_id order by attempt
