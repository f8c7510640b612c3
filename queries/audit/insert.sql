-- audit_insert: append one entry to the audit log (entries are never changed afterwards).
-- params: $actor VARCHAR, $actor_role VARCHAR, $action VARCHAR, $target VARCHAR, $detail VARCHAR (JSON text or null), $ip VARCHAR
insert into audit_log (id, occurred_at, actor, actor_role, action, target, detail, ip)
values (nextval('audit_id_seq'), now(), $actor, $actor_role, $action, $target, cast($detail as json), $ip)
