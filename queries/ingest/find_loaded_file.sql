-- find_loaded_file: an earlier import of exactly the same bytes into the same dataset through
-- the same mapping, unchanged since (its hash; imports recorded before the hash was kept count
-- as unchanged), that loaded (fully or with rejects): the same load again is not done twice.
-- The same file into another dataset, or through a mapping fixed since, is a new load.
-- params: $sha256 VARCHAR, $dataset VARCHAR, $mapping VARCHAR, $mapping_hash VARCHAR
select id, file_name, cast(finished_at as varchar) as finished_at
from import_files
where sha256 = $sha256 and status in ('loaded', 'with_rejects')
	and dataset = $dataset and mapping = $mapping
	and (mapping_hash = $mapping_hash or mapping_hash is null)
order by id
limit 1
