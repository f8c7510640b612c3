-- sla_refresh_state: what the last SLA refresh saw (no row: never ran).
-- params: none
select cast(loaded_watermark as varchar) as loaded_watermark, rules_signature, cast(policies as varchar) as policies
from sla_refresh_state where id = 1
