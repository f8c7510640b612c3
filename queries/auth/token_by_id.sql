-- token_by_id: one API token by id. No hash.
-- params: $id INTEGER
select id, name, role, prefix, created_by, cast(created_at as varchar) as created_at,
	cast(last_used_at as varchar) as last_used_at, cast(revoked_at as varchar) as revoked_at
from api_tokens
where id = $id
