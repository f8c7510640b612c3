-- users_count: how many accounts exist, by kind (decides demo accounts and the setup link).
-- grain: one row. params: none
select
	cast(count(*) filter (where not is_demo) as integer) as real_users,
	cast(count(*) filter (where not is_demo and role = 'admin' and disabled_at is null) as integer) as real_admins,
	cast(count(*) filter (where is_demo) as integer) as demo_users
from users
