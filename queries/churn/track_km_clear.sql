-- track_km_clear: forget the stored track record's Kaplan-Meier curves (before computing them again).
-- params: none
delete from churn_track_km
