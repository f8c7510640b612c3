-- upsert_survey_answers: merge one file's staged survey answers (deduplicated by id, last row
-- wins). Surveys offered and not answered (state 'offered') are not answers: see
-- upsert_survey_offers and delete_offered_answers.
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into survey_answers (id, customer_id, ticket_id, kind, occasion, score, comment, answered_at, channel, source_file_id, loaded_at)
select id, customer_id, ticket_id, kind, occasion, cast(score as integer), comment, to_instant(answered_at, $tz), channel, $file_id, now()
from stage
where state is null or state = 'answered'
on conflict (id) do update set
	customer_id = excluded.customer_id, ticket_id = excluded.ticket_id, kind = excluded.kind,
	occasion = excluded.occasion, score = excluded.score, comment = excluded.comment,
	answered_at = excluded.answered_at, channel = excluded.channel,
	source_file_id = excluded.source_file_id, loaded_at = excluded.loaded_at
