-- km_subjects_drop: drop the temporary Kaplan-Meier subjects of this connection.
-- params: none
drop table if exists churn_km_subjects
