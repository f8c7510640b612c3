-- sla_dimension_values: the values of the SLA filters that occur in the clocks (for the filter menus).
-- grain: one row per dimension and value.
-- params: none
select dim, value from (
	select distinct 'team' as dim, team as value from sla_clocks where team is not null
	union all select distinct 'channel', channel from sla_clocks where channel is not null
	union all select distinct 'segment', segment from sla_clocks where segment is not null
)
order by dim, value
