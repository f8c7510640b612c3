-- touched_runs: add to refresh_touched the days between touched days that a run of days joins
-- (the refresh rebuilds whole runs), so the steps that fix up rows by day see every rebuilt day.
-- params: $from VARCHAR, $to VARCHAR (the run's first and last local day)
insert into refresh_touched
select cast(d as date)
from (select unnest(generate_series(cast($from as date), cast($to as date), interval 1 day)) as d)
where cast(d as date) not in (select day from refresh_touched)
