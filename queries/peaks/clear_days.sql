-- clear_days: empty peaks_days before it is rebuilt (peaks/insert_days).
-- params: none
delete from peaks_days
