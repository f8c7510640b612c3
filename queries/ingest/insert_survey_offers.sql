-- insert_survey_offers: the second half of keeping every survey a staged row says was offered, answered or not, for
-- the response rate. Only rows whose mapping records offers (state given: 'answered' or
-- 'offered'); the offer's time is when it was offered, else when it was answered.
-- params: $file_id INTEGER, $tz VARCHAR: zone of times written without an offset.
insert into survey_offers (id, customer_id, ticket_id, kind, occasion, channel, offered_at, answered, source_file_id, loaded_at)
select id, customer_id, ticket_id, kind, occasion, channel, to_instant(coalesce(offered_at, answered_at), $tz), state = 'answered', $file_id, now()
from stage
where state is not null
