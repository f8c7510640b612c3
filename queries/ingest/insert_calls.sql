-- insert_calls: the second half of merging one file's staged calls (deduplicated by id, last row wins).
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into calls (id, customer_id, direction, queue, started_at, answered_at, ended_at, wait_seconds, talk_seconds,
	outcome, agent, opened_case, ticket_id, source_file_id, loaded_at)
select id, customer_id, direction, queue, to_instant(started_at, $tz), to_instant(answered_at, $tz), to_instant(ended_at, $tz),
	cast(wait_seconds as double), cast(talk_seconds as double), outcome, agent, cast(opened_case as boolean), ticket_id,
	$file_id, now()
from stage
