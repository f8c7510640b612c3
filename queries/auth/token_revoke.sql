-- token_revoke: a revoked token is refused from now on (the row stays, for the record).
-- params: $id INTEGER
update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $id
