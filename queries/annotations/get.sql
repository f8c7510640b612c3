-- get: one annotation, with its times as local wall-clock text for the edit form.
-- params: $id VARCHAR, $tz VARCHAR
select
	id,
	kind,
	title,
	description,
	strftime(timezone($tz, starts_at), '%Y-%m-%dT%H:%M') as starts_local,
	strftime(timezone($tz, ends_at), '%Y-%m-%dT%H:%M') as ends_local
from annotations
where id = $id
