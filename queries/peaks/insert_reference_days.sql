-- insert_reference_days: for every day, the days its usual level is taken from: the $weeks
-- most recent earlier days of its class (peaks/insert_days). For a working day these are the
-- same weekday in the weeks before, skipping holidays (which are in the 'off' class); a day
-- never serves as its own reference, so a flood cannot raise its own usual level.
-- params: $weeks INTEGER (N, setting peaks.weeks)
insert into peaks_reference_days
select d.day, r.day as ref_day
from peaks_days d
join peaks_days r on r.class = d.class and r.seq between d.seq - $weeks and d.seq - 1
