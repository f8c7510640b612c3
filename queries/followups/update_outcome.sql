-- update_outcome: record a call's outcome on a follow-up, only if nobody saved it since the
-- version the form was opened on (optimistic concurrency: zero rows back means someone else
-- wrote first, and the caller shows a conflict instead of overwriting). reached_at is set the
-- first time the customer is reached (it starts the cool-down); closed_at when it leaves the
-- list (reached or done).
-- params: $id INTEGER, $version INTEGER, $status VARCHAR, $call_back_on DATE, $notes VARCHAR,
-- $assignee VARCHAR, $by VARCHAR, $attempt BOOLEAN (the status is the result of a call),
-- $nps_answer_id, $csat_answer_id VARCHAR (null: leave as is)
update follow_ups set
	status = $status,
	call_back_on = cast($call_back_on as date),
	notes = $notes,
	assignee = $assignee,
	attempts = attempts + case when $attempt then 1 else 0 end,
	reached_at = case when $status = 'reached' and reached_at is null then now() else reached_at end,
	closed_at = case when $status in ('reached', 'done') then coalesce(closed_at, now()) else null end,
	nps_answer_id = coalesce($nps_answer_id, nps_answer_id),
	csat_answer_id = coalesce($csat_answer_id, csat_answer_id),
	updated_at = now(),
	updated_by = $by,
	version = version + 1
where id = $id and version = $version
returning id, version
