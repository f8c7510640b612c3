-- user_set_disabled: disable (no sign-in) or enable an account.
-- params: $id INTEGER, $disabled BOOLEAN
update users set disabled_at = case when $disabled then coalesce(disabled_at, now()) end where id = $id
