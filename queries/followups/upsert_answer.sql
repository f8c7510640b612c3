-- upsert_answer: the answer to a happy-call question asked on a follow-up, as a survey answer
-- (occasion happy_call, channel phone), so NPS and CSAT include it. Its id is the follow-up's
-- ("FU12-nps"): recording the outcome again replaces the answer instead of adding one.
-- params: $id VARCHAR, $customer_id VARCHAR, $kind VARCHAR (nps | csat), $score INTEGER, $comment VARCHAR
insert into survey_answers (id, customer_id, ticket_id, kind, occasion, score, comment, answered_at, channel, loaded_at)
values ($id, $customer_id, null, $kind, 'happy_call', $score, $comment, now(), 'phone', now())
on conflict (id) do update set score = excluded.score, comment = excluded.comment, answered_at = excluded.answered_at, loaded_at = excluded.loaded_at
