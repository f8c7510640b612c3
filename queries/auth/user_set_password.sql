-- user_set_password: store a new password hash.
-- params: $id INTEGER, $password_hash VARCHAR (argon2id)
update users set password_hash = $password_hash, password_changed_at = now() where id = $id
