-- survey_offers_answered: an answer from a source that does not record offers (state empty)
-- for a survey recorded earlier as offered: that offer was answered.
-- params: $file_id INTEGER
update survey_offers set answered = true, source_file_id = $file_id, loaded_at = now()
where not answered and id in (select id from stage where state is null)
