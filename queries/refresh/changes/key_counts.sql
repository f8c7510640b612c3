-- key_counts: rows per dataset in the tables and in refresh_keys. They differ only when rows
-- were written or removed in a way no refresh can see (a hand-made change in SQL): the refresh
-- then rebuilds everything.
-- params: none
select
	cast((select count(*) from tickets) as bigint) = cast((select count(*) from refresh_keys where dataset = 'tickets') as bigint)
	and cast((select count(*) from calls) as bigint) = cast((select count(*) from refresh_keys where dataset = 'calls') as bigint)
	and cast((select count(*) from survey_answers) as bigint) = cast((select count(*) from refresh_keys where dataset = 'survey_answers') as bigint)
	as in_step
