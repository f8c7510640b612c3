-- user_set_role: change the role of an account.
-- params: $id INTEGER, $role VARCHAR
update users set role = $role where id = $id
