-- user_by_id: one account by id, with its password hash (for changing the password).
-- params: $id INTEGER
select id, login, display_name, role, language, is_demo, disabled_at is not null as disabled,
	cast(created_at as varchar) as created_at, cast(last_login_at as varchar) as last_login_at, password_hash
from users
where id = $id
