-- business_calendar_clear_days: empty business_days before storing the new signatures.
-- params: none
delete from business_days
