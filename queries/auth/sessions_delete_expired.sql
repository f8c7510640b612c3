-- sessions_delete_expired: forget sessions past their end or idle for too long.
-- params: $now_ms DOUBLE, $idle_ms DOUBLE (epoch ms; milliseconds)
delete from sessions
where expires_at <= to_timestamp($now_ms / 1000) or last_seen_at <= to_timestamp(($now_ms - $idle_ms) / 1000)
