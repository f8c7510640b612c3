-- session_find: a session and its account, by the hash of the cookie value.
-- params: $id_hash VARCHAR
select s.id_hash, cast(epoch_ms(s.last_seen_at) as double) as last_seen_ms, cast(epoch_ms(s.expires_at) as double) as expires_ms,
	u.id as user_id, u.login, u.display_name, u.role, u.language, u.is_demo, u.disabled_at is not null as disabled
from sessions s
join users u on u.id = s.user_id
where s.id_hash = $id_hash
