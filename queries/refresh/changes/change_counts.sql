-- change_counts: per dataset, how many rows changed, and whether any of them may have been
-- counted before (a new file that updated rows, or a row written outside any file): only then
-- are the instants they were counted at looked up in refresh_keys.
-- params: none
select
	c.dataset,
	cast(count(*) as integer) as rows,
	bool_or(not c.from_file) or coalesce((select max(f.rows_updated) > 0 from refresh_new_files f where f.dataset = c.dataset), false) as updates
from refresh_changed c
group by c.dataset
