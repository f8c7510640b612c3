-- sla_active_policies: the policy versions in force (not retired), with their targets.
-- grain: one row per version, priority and tier.
-- params: none
select version, cast(effective_from as varchar) as effective_from, priority, tier,
	first_response_minutes, first_response_clock, resolution_minutes, resolution_clock
from sla_policies
where retired_at is null
order by effective_from, version, priority, tier
