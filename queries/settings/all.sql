-- settings_all: every stored setting as key and JSON text.
-- params: none
select key, cast(value as varchar) as value from settings order by key
