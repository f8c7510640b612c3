-- track_clear: forget the stored track record's customers who left (before computing it again).
-- params: none
delete from churn_track_left
