-- user_by_login: one account by login, with its password hash (for signing in).
-- params: $login VARCHAR (lower case)
select id, login, display_name, role, language, is_demo, disabled_at is not null as disabled,
	cast(created_at as varchar) as created_at, cast(last_login_at as varchar) as last_login_at, password_hash
from users
where login = $login
