-- business_calendar_clear_changes: forget the days changed by the previous refresh.
-- params: none
delete from business_days_changed
