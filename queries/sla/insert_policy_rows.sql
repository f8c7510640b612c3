-- sla_insert_policy_rows: the targets of one new policy version.
-- params: $version INTEGER, $from DATE, $rows VARCHAR (JSON [{priority, tier, first_response_minutes,
--   first_response_clock, resolution_minutes, resolution_clock}])
insert into sla_policies (version, effective_from, priority, tier, first_response_minutes, first_response_clock, resolution_minutes, resolution_clock)
select $version, cast($from as date), priority, coalesce(tier, ''), first_response_minutes, first_response_clock, resolution_minutes, resolution_clock
from (
	select unnest(from_json($rows, '[{"priority":"VARCHAR","tier":"VARCHAR","first_response_minutes":"INTEGER","first_response_clock":"VARCHAR","resolution_minutes":"INTEGER","resolution_clock":"VARCHAR"}]'), recursive := true)
)
