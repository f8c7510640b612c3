-- sla_policy_history: every policy version, newest first, with when it was saved and retired.
-- grain: one row per version.
-- params: none
select version, cast(effective_from as varchar) as effective_from, cast(min(created_at) as varchar) as created_at,
	cast(max(retired_at) as varchar) as retired_at, cast(count(*) as integer) as targets
from sla_policies
group by version, effective_from
order by version desc
