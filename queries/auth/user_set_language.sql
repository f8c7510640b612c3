-- user_set_language: remember the interface language an account chose.
-- params: $id INTEGER, $language VARCHAR ('en' | 'fa', or null: follow the browser's language)
update users set language = $language where id = $id
