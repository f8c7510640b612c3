-- sla_next_policy_version: the number of a new policy version.
-- params: none
select cast(coalesce(max(version), 0) + 1 as integer) as version from sla_policies
