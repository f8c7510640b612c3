-- sessions_delete_demo: end the sessions of the demo accounts.
-- params: none
delete from sessions where user_id in (select id from users where is_demo)
