-- count_survey_records: the records the survey_answers dataset holds, for a file's new-versus-
-- updated counts: every answer, and every survey offered and not answered.
-- params: none
select cast((select count(*) from survey_answers) + (select count(*) from survey_offers where not answered) as integer) as n
