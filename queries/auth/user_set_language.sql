-- user_set_language: remember the interface language an account chose.
-- params: $id INTEGER, $language VARCHAR ('en' | 'fa')
update users set language = $language where id = $id
