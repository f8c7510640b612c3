-- delete_offered_answers: a survey the latest file says was offered and not answered is not an
-- answer (the file loaded last says how things stand, as for every record loaded by key).
-- params: none
delete from survey_answers
where id in (select id from stage where state = 'offered')
