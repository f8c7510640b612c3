-- insert_tickets: the second half of merging one file's staged tickets (deduplicated by id, last row wins).
-- The help desk's own durations are minutes; tags are staged as a JSON list of strings.
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into tickets (id, customer_id, channel, category, priority, support_level, status, team, assignee, subject,
	created_at, first_response_at, resolved_at, closed_at,
	source_first_reply_minutes, source_first_reply_business_minutes, source_resolution_minutes, source_resolution_business_minutes,
	reopen_count, tags, source_file_id, loaded_at)
select id, customer_id, channel, category, priority, support_level, status, team, assignee, subject,
	to_instant(created_at, $tz), to_instant(first_response_at, $tz), to_instant(resolved_at, $tz), to_instant(closed_at, $tz),
	cast(source_first_reply_minutes as double), cast(source_first_reply_business_minutes as double),
	cast(source_resolution_minutes as double), cast(source_resolution_business_minutes as double),
	cast(reopen_count as integer), from_json(tags, '["VARCHAR"]'),
	$file_id, now()
from stage
