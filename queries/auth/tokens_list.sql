-- tokens_list: every API token, live ones first, newest first. No hashes.
-- params: none
select id, name, role, prefix, created_by, cast(created_at as varchar) as created_at,
	cast(last_used_at as varchar) as last_used_at, cast(revoked_at as varchar) as revoked_at
from api_tokens
order by revoked_at is not null, id desc
