-- session_touch: the session was used now (idle timeout restarts).
-- params: $id_hash VARCHAR, $now_ms DOUBLE (epoch ms)
update sessions set last_seen_at = to_timestamp($now_ms / 1000) where id_hash = $id_hash
