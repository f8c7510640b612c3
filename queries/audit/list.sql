-- audit_list: audit entries, newest first, optionally of one action kind (prefix: 'login' also
-- matches 'login.failed') and of one actor, a page at a time.
-- params: $action VARCHAR (or null), $actor VARCHAR (or null), $limit INTEGER, $offset INTEGER
select cast(id as integer) as id, cast(occurred_at as varchar) as at, actor, actor_role, action, target, cast(detail as varchar) as detail, ip
from audit_log
where ($action is null or action = $action or starts_with(action, $action || '.'))
	and ($actor is null or actor = $actor)
order by id desc
limit $limit offset $offset
