-- token_find: the live (not revoked) token with this hash.
-- params: $token_hash VARCHAR
select id, name, role, cast(epoch_ms(last_used_at) as double) as last_used_ms
from api_tokens
where token_hash = $token_hash and revoked_at is null
