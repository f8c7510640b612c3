-- user_insert: create a user account.
-- params: $login VARCHAR (lower case), $display_name VARCHAR, $role VARCHAR, $password_hash VARCHAR (argon2id), $is_demo BOOLEAN
insert into users (id, login, display_name, role, password_hash, is_demo)
values (cast(nextval('user_id_seq') as integer), $login, $display_name, $role, $password_hash, $is_demo)
returning id
