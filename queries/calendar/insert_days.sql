-- calendar_insert_days: append the unit's calendar days (rows built in TypeScript from Intl,
-- see src/lib/calendar/periods.ts), given as one JSON array bound as a parameter.
-- params: $rows VARCHAR (JSON array of calendar_days rows)
insert into calendar_days
select unnest(
	from_json($rows, '[{"day":"DATE","weekday":"INTEGER","week_start":"DATE","month_start":"DATE","quarter_start":"DATE","year_start":"DATE","year":"INTEGER","month":"INTEGER","day_of_month":"INTEGER","quarter":"INTEGER","day_kind":"VARCHAR","holiday":"BOOLEAN"}]'),
	recursive := true
)
