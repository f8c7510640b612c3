-- window_tickets_count: how many tickets were opened in a peak's window.
-- params: $from_at, $to_at VARCHAR (instants; to excluded)
select cast(count(*) as integer) as total
from tickets
where created_at >= cast($from_at as timestamptz) and created_at < cast($to_at as timestamptz)
