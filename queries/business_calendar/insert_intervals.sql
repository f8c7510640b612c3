-- business_calendar_insert_intervals: store the staged open intervals.
-- params: none
insert into business_intervals (start_at, end_at, start_s, end_s, cum_before, day)
select start_at, end_at, start_s, end_s, cum_before, day from business_intervals_new
