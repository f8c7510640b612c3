-- settings_seed: store a default for a key that has no value yet (never overwrites).
-- params: $key VARCHAR, $value VARCHAR (JSON text)
insert into settings (key, value) values ($key, cast($value as json)) on conflict (key) do nothing
