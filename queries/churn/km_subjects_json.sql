-- km_subjects_json: Kaplan-Meier subjects given as JSON ([{grp, days, event}], one curve per
-- grp), into the temporary table churn_km_subjects that queries/churn/kaplan_meier.sql reads
-- (landmark null). For computing curves of any subjects with the one Kaplan-Meier definition.
-- params: $subjects VARCHAR (JSON array)
create or replace temp table churn_km_subjects as
select cast(null as date) as landmark, grp, days, event
from (select unnest(from_json($subjects, '[{"grp":"VARCHAR","days":"INTEGER","event":"BOOLEAN"}]'), recursive := true))
