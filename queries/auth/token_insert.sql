-- token_insert: a new API token (only its hash is stored).
-- params: $name VARCHAR, $role VARCHAR, $token_hash VARCHAR (SHA-256 hex), $prefix VARCHAR, $created_by VARCHAR, $created_by_demo BOOLEAN
insert into api_tokens (id, name, role, token_hash, prefix, created_by, created_by_demo)
values (cast(nextval('api_token_id_seq') as integer), $name, $role, $token_hash, $prefix, $created_by, $created_by_demo)
returning id
