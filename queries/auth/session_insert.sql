-- session_insert: a new sign-in session.
-- params: $id_hash VARCHAR (SHA-256 hex of the cookie value), $user_id INTEGER, $now_ms DOUBLE, $expires_ms DOUBLE (epoch ms), $ip VARCHAR, $user_agent VARCHAR
insert into sessions (id_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
values ($id_hash, $user_id, to_timestamp($now_ms / 1000), to_timestamp($now_ms / 1000), to_timestamp($expires_ms / 1000), $ip, $user_agent)
