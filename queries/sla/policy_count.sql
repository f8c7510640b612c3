-- sla_policy_count: how many policy rows exist (0: seed the defaults).
-- params: none
select cast(count(*) as integer) as n from sla_policies
