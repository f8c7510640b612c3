-- clear_hourly_from: drop the baselines from a day on, before they are recomputed.
-- params: $from DATE (null: all)
delete from peaks_hourly where $from is null or day >= $from
