-- day: the follow-up list of a day, if it was made: its capacity and agents.
-- params: $day DATE
select cast(day as varchar) as day, capacity, cast(agents as varchar) as agents, created_at
from follow_up_days where day = cast($day as date)
