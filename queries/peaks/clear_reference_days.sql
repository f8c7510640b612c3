-- clear_reference_days: empty peaks_reference_days before it is rebuilt.
-- params: none
delete from peaks_reference_days
