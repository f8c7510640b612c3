-- mark_interrupted_runs: runs still "running" when the process starts were cut off (crash,
-- kill); their open file transactions were rolled back by DuckDB, so nothing half-loaded stays.
-- Files committed before the cut keep their records; recount_interrupted_runs counts them.
-- params: none
update import_runs
set status = 'interrupted', finished_at = coalesce(finished_at, now()),
	error = coalesce(error, 'the process stopped during this run; files it had not finished stay in the inbox and load on the next run'),
	problems = coalesce(problems, cast('[{"key":"problem.runInterrupted"}]' as json))
where status = 'running'
