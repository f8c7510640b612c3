-- upsert_answer: the answer to a happy-call question asked on a follow-up, as a survey answer
-- (occasion happy_call, channel phone), so NPS and CSAT include it. Its id is the follow-up's
-- ("FU12-nps"): recording the outcome again replaces the answer instead of adding one (MERGE:
-- survey_answers has no key constraint, migration 025).
-- params: $id VARCHAR, $customer_id VARCHAR, $kind VARCHAR (nps | csat), $score INTEGER, $comment VARCHAR
merge into survey_answers a
using (select cast($id as varchar) as id) n on a.id = n.id
when matched then update set score = $score, comment = $comment, answered_at = now(), loaded_at = now()
when not matched then insert (id, customer_id, ticket_id, kind, occasion, score, comment, answered_at, channel, loaded_at)
	values ($id, $customer_id, null, $kind, 'happy_call', $score, $comment, now(), 'phone', now())
