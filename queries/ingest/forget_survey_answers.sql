-- forget_survey_answers: the first half of merging one file's staged survey answers
-- (deduplicated by id): the answers of the staged ids that are answers go, and
-- insert_survey_answers writes them as the file has them. Offered, unanswered surveys: see
-- forget_survey_offers and delete_offered_answers.
-- params: none
delete from survey_answers where id in (select id from stage where state is null or state = 'answered')
