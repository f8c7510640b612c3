-- sla_save_refresh_state: remember what this SLA refresh saw.
-- params: $watermark VARCHAR (timestamptz text or null), $rules VARCHAR, $policies VARCHAR (JSON)
insert into sla_refresh_state (id, loaded_watermark, rules_signature, policies, refreshed_at)
values (1, cast($watermark as timestamptz), $rules, cast($policies as json), now())
on conflict (id) do update set loaded_watermark = excluded.loaded_watermark, rules_signature = excluded.rules_signature,
	policies = excluded.policies, refreshed_at = excluded.refreshed_at
