-- tokens_revoke_demo: revoke the tokens demo administrators made (the demo accounts are going).
-- params: none
update api_tokens set revoked_at = coalesce(revoked_at, now()) where created_by_demo
