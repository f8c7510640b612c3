-- open_days: how many days have passed since each of some moments (a ticket's creation) until
-- now, in the order given: date_diff('day', moment, now()).
-- Grain: moment.  params: $moments VARCHAR (JSON array of TIMESTAMPTZ strings)
select cast(date_diff('day', cast(m.moment as timestamptz), now()) as integer) as open_days
from (select unnest(from_json($moments, '["VARCHAR"]')) as moment, generate_subscripts(from_json($moments, '["VARCHAR"]'), 1) as i) m
order by m.i
