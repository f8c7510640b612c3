-- sessions_delete_user: end every session of an account, but the one kept (null: none kept).
-- params: $user_id INTEGER, $keep VARCHAR (id_hash or null)
delete from sessions where user_id = $user_id and ($keep is null or id_hash <> $keep)
