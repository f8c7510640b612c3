-- user_signed_in: note when an account last signed in.
-- params: $id INTEGER
update users set last_login_at = now() where id = $id
