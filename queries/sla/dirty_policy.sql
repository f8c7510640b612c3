-- sla_dirty_policy: tickets created on or after the local day $policy_from, from which the
-- policies in force changed.
-- params: $policy_from DATE, $tz VARCHAR
insert into sla_dirty
select id from tickets where created_at >= timezone($tz, cast(cast($policy_from as date) as timestamp))
