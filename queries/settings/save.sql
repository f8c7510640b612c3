-- settings_save: store the value of one setting.
-- params: $key VARCHAR, $value VARCHAR (JSON text)
insert into settings (key, value, updated_at) values ($key, cast($value as json), now())
on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
