-- sla_retire_policies_from: a new version starting on $from replaces the active versions that
-- start on or after that day (they stay in the table, retired, for the history).
-- params: $from DATE
update sla_policies set retired_at = now() where retired_at is null and effective_from >= cast($from as date)
