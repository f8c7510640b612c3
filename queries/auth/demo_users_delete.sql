-- demo_users_delete: remove the demo accounts (a real administrator exists now).
-- params: none
delete from users where is_demo
