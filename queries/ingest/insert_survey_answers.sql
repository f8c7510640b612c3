-- insert_survey_answers: the second half of merging one file's staged survey answers (deduplicated by id, last row
-- wins). Surveys offered and not answered (state 'offered') are not answers: see
-- insert_survey_offers and delete_offered_answers.
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into survey_answers (id, customer_id, ticket_id, kind, occasion, score, comment, answered_at, channel, source_file_id, loaded_at)
select id, customer_id, ticket_id, kind, occasion, cast(score as integer), comment, to_instant(answered_at, $tz), channel, $file_id, now()
from stage
where state is null or state = 'answered'
