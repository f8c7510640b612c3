-- token_touch: the token was used now.
-- params: $id INTEGER
update api_tokens set last_used_at = now() where id = $id
