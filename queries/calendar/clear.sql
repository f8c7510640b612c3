-- calendar_clear: empty the calendar table before the refresh job appends it anew.
-- params: none
delete from calendar_days
