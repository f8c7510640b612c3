-- 012_peaks: the derived tables of overload peaks, rebuilt by the refresh job
-- (src/lib/server/peaks/refresh.ts; definitions in queries/peaks/*.sql).
--
-- peaks_days: the days the baselines cover (first to last day with any call or ticket), with
-- the class of day a day is compared with: its weekday and day kind for working days
-- ('full6' = a full Saturday, 'half4' = a half Thursday), 'off' for every day off (weekends
-- and holidays are compared with each other, never with working days).
create table peaks_days (
	day date not null,
	weekday integer not null,
	day_kind varchar not null,
	holiday boolean not null,
	class varchar not null,
	seq integer not null,           -- position of the day among the days of its class
	working_index integer not null  -- number of working (not off) days up to this one
);

-- peaks_reference_days: for each day, the days its usual level is taken from: the N most
-- recent earlier days of the same class (N = peaks.weeks).
create table peaks_reference_days (
	day date not null,
	ref_day date not null
);

-- peaks_hourly: every metric, local day and hour with its actual count and the usual level
-- (median of the reference days) with its band, per hour and cumulated over the day.
create table peaks_hourly (
	metric varchar not null,        -- calls (incoming) | tickets (opened)
	day date not null,
	hour integer not null,          -- 0-23, the unit's local hour
	weekday integer not null,       -- of day (0 = Sunday … 6 = Saturday), and whether it is a holiday:
	holiday boolean not null,       -- copied from peaks_days so the heatmap reads one table
	actual double not null,
	expected double,                -- null: fewer reference days than peaks.minHistory
	lower double,
	upper double,
	cum_actual double not null,     -- from 00:00 to the end of this hour
	cum_expected double,
	cum_lower double,
	cum_upper double,
	refs integer not null
);

-- peak_episodes: hours and days above the band, grouped (rebuilt whole on each refresh).
create table peak_episodes (
	key varchar not null,           -- metric:YYYY-MM-DDTHH of the first hour above the band; stable as the episode grows
	metric varchar not null,
	grain varchar not null,         -- day (the day's total above its band) | hour (hours above theirs)
	first_day date not null,
	last_day date not null,
	start_at timestamptz not null,  -- the first hour above the usual level
	end_at timestamptz not null,    -- the end of the last such hour
	window_start timestamptz not null, -- the cells whose counts make up actual and expected
	window_end timestamptz not null,
	hours_above integer not null,
	actual double not null,
	expected double not null,
	upper double not null,
	peak_hour_at timestamptz,       -- the hour with the largest excess
	peak_hour_actual double,
	peak_hour_expected double
);

-- peaks_state: what the derived peak tables were built with, so a refresh can recompute only
-- the days from the first one whose counts changed.
create table peaks_state (
	id integer primary key,
	built_at timestamptz not null,
	params_hash varchar not null,
	first_day date,
	last_day date
);
