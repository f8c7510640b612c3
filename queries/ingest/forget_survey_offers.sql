-- forget_survey_offers: the first half of keeping the surveys a staged row says were offered: the
-- offers of the staged ids that record offers (state given) go, and insert_survey_offers writes them.
-- params: none
delete from survey_offers where id in (select id from stage where state is not null)
