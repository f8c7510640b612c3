-- users_list: every account, administrators first, then by login. No password hashes.
-- params: none
select id, login, display_name, role, language, is_demo, disabled_at is not null as disabled,
	cast(created_at as varchar) as created_at, cast(last_login_at as varchar) as last_login_at,
	cast((select count(*) from sessions s where s.user_id = users.id) as integer) as sessions
from users
order by case role when 'admin' then 0 when 'support_lead' then 1 when 'care_agent' then 2 else 3 end, login
