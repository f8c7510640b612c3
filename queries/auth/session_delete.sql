-- session_delete: end one session (sign out, expired).
-- params: $id_hash VARCHAR
delete from sessions where id_hash = $id_hash
