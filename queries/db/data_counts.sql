-- data_counts: rows in the loaded tables and import files recorded (to tell an empty database).
-- params: none
select
	cast((select count(*) from customers) as integer) as customers,
	cast((select count(*) from tickets) as integer) as tickets,
	cast((select count(*) from calls) as integer) as calls,
	cast((select count(*) from survey_answers) as integer) as survey_answers,
	cast((select count(*) from import_files) as integer) as import_files
