-- insert_hourly_from: the usual level of every metric, day (from $from on) and local hour,
-- with its band, for the hour alone and for the running total of the day up to that hour.
--   expected = median of the same hour's counts on the day's reference days
--              (peaks_reference_days: the N most recent earlier days of its class)
--   spread   = 1.4826 × MAD of those counts (DuckDB's mad() is the raw median absolute
--              deviation; × 1.4826 makes it estimate a standard deviation)
--   upper    = expected + max(k × spread, k·√(expected + 3/8) + k²/4)
--   lower    = max(0, expected − max(k × spread, k·√(expected + 3/8) − k²/4))
-- The second terms are the floor for low counts: the band of a Poisson count of mean
-- `expected` at k standard deviations on Anscombe's scale (√(x + 3/8) has variance ≈ 1/4 for
-- a Poisson x): with a usual 0 or 1 call an hour and a MAD of 0, a count must pass
-- 0 + 3·0.61 + 2.25 ≈ 4.1 (k = 3) to stand out, not 0.
-- Median and MAD, not mean and standard deviation: a past flood among the reference days
-- moves neither, and the day itself is never its own reference.
-- cum_* is the same for the running total from 00:00 to the end of the hour; at 23:00 it is
-- the day's total and band. expected is null with fewer than $min_refs reference days.
-- params: $from DATE (null: every day), $k DOUBLE, $min_refs INTEGER
insert into peaks_hourly
with refs as (
	select
		a.metric,
		a.day,
		a.hour,
		any_value(a.weekday) as weekday,
		any_value(a.holiday) as holiday,
		any_value(a.actual) as actual,
		any_value(a.cum_actual) as cum_actual,
		cast(count(r.actual) as integer) as refs,
		median(r.actual) as med,
		1.4826 * mad(r.actual) as spread,
		median(r.cum_actual) as cum_med,
		1.4826 * mad(r.cum_actual) as cum_spread
	from peaks_actuals a
	left join peaks_reference_days rd on rd.day = a.day
	left join peaks_actuals r on r.metric = a.metric and r.day = rd.ref_day and r.hour = a.hour
	where $from is null or a.day >= $from
	group by a.metric, a.day, a.hour
),
usual as (
	select *,
		case when refs >= $min_refs then med end as expected,
		case when refs >= $min_refs then cum_med end as cum_expected
	from refs
)
select
	metric,
	day,
	hour,
	weekday,
	holiday,
	actual,
	expected,
	greatest(0, expected - greatest($k * spread, $k * sqrt(expected + 0.375) - $k * $k / 4)) as lower,
	expected + greatest($k * spread, $k * sqrt(expected + 0.375) + $k * $k / 4) as upper,
	cum_actual,
	cum_expected,
	greatest(0, cum_expected - greatest($k * cum_spread, $k * sqrt(cum_expected + 0.375) - $k * $k / 4)) as cum_lower,
	cum_expected + greatest($k * cum_spread, $k * sqrt(cum_expected + 0.375) + $k * $k / 4) as cum_upper,
	refs
from usual
