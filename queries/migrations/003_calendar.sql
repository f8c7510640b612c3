-- 003_calendar: the unit's calendar as a table, and what the derived tables were built for.
-- calendar_days is rebuilt by the refresh job (src/lib/server/refresh/calendar.ts) from the
-- unit's settings: one row per local day, with the start of its week (the unit's week start),
-- month, quarter and year in the unit's calendar (Jalali for an Iranian unit), so any query
-- groups by period with a join instead of calendar arithmetic.
create table calendar_days (
	day date primary key,
	weekday integer not null,          -- 0 = Sunday … 6 = Saturday
	week_start date not null,          -- first day of the unit's week holding day
	month_start date not null,         -- first day of the month, in the unit's calendar
	quarter_start date not null,
	year_start date not null,
	year integer not null,             -- in the unit's calendar (1405 for a Jalali day)
	month integer not null,            -- 1-12 in the unit's calendar
	day_of_month integer not null,
	quarter integer not null,          -- 1-4
	day_kind varchar not null check (day_kind in ('full', 'half', 'off')), -- from weekend, half days and holidays
	holiday boolean not null
);
-- The settings the derived tables were built with (a hash of the relevant ones): a change
-- of time zone, calendar, week or holidays rebuilds them.
alter table rollup_state add column settings_hash varchar;
