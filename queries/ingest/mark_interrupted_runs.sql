-- mark_interrupted_runs: runs still "running" when the process starts were cut off (crash,
-- kill); their open file transactions were rolled back by DuckDB, so nothing half-loaded stays.
-- params: none
update import_runs
set status = 'interrupted', finished_at = coalesce(finished_at, now()),
	error = coalesce(error, 'the process stopped during this run; files not yet loaded stay in the inbox')
where status = 'running'
