-- audit_count: how many entries the same filters as audit/list select.
-- params: $action VARCHAR (or null), $actor VARCHAR (or null)
select cast(count(*) as integer) as n
from audit_log
where ($action is null or action = $action or starts_with(action, $action || '.'))
	and ($actor is null or actor = $actor)
