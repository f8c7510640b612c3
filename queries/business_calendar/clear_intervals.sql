-- business_calendar_clear_intervals: empty business_intervals before storing the staged ones.
-- params: none
delete from business_intervals
