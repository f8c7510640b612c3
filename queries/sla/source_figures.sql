-- source_figures: the help desk's own first-reply and resolution times beside the product's
-- SLA clocks, for the tickets created in a period that carry them (imported from an export
-- that states them, e.g. Zendesk's "First reply time in minutes within business hours").
-- Both are medians over the same tickets: those with the help desk's figure and a stopped clock
-- of ours. Ours is the SLA clock's elapsed time (business or calendar time, as the policy
-- measures it, waiting-for-customer pauses left out); theirs as the help desk computed it
-- (its own calendar and pauses), within business hours and in calendar time.
-- grain: one row (the period and filters as a whole).
-- params: $from DATE, $to DATE, $priority, $team, $channel, $segment VARCHAR (null: all)
with c as (
	select s.fr_stopped, s.fr_elapsed_s, s.fr_clock, s.res_stopped, s.res_elapsed_s, s.res_clock,
		t.source_first_reply_minutes as fr_cal, t.source_first_reply_business_minutes as fr_bus,
		t.source_resolution_minutes as res_cal, t.source_resolution_business_minutes as res_bus
	from sla_clocks s
	join tickets t on t.id = s.ticket_id
	where s.created_day between cast($from as date) and cast($to as date)
		and ($priority is null or s.priority = $priority)
		and ($team is null or s.team = $team)
		and ($channel is null or s.channel = $channel)
		and ($segment is null or s.segment = $segment)
		and coalesce(t.source_first_reply_minutes, t.source_first_reply_business_minutes, t.source_resolution_minutes, t.source_resolution_business_minutes) is not null
)
select
	cast(count(*) filter (where fr_stopped and coalesce(fr_cal, fr_bus) is not null) as integer) as fr_n,
	median(fr_elapsed_s / 60.0) filter (where fr_stopped and coalesce(fr_cal, fr_bus) is not null) as fr_ours_minutes,
	mode(fr_clock) filter (where fr_stopped and coalesce(fr_cal, fr_bus) is not null) as fr_ours_clock,
	median(fr_bus) filter (where fr_stopped and coalesce(fr_cal, fr_bus) is not null) as fr_theirs_business_minutes,
	median(fr_cal) filter (where fr_stopped and coalesce(fr_cal, fr_bus) is not null) as fr_theirs_calendar_minutes,
	cast(count(*) filter (where res_stopped and coalesce(res_cal, res_bus) is not null) as integer) as res_n,
	median(res_elapsed_s / 60.0) filter (where res_stopped and coalesce(res_cal, res_bus) is not null) as res_ours_minutes,
	mode(res_clock) filter (where res_stopped and coalesce(res_cal, res_bus) is not null) as res_ours_clock,
	median(res_bus) filter (where res_stopped and coalesce(res_cal, res_bus) is not null) as res_theirs_business_minutes,
	median(res_cal) filter (where res_stopped and coalesce(res_cal, res_bus) is not null) as res_theirs_calendar_minutes
from c
