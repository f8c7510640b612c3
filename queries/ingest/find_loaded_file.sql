-- find_loaded_file: an earlier import of exactly the same bytes that loaded (fully or with
-- rejects), so the same file dropped again is recognised and not counted twice.
-- params: $sha256 VARCHAR
select id, file_name, cast(finished_at as varchar) as finished_at
from import_files
where sha256 = $sha256 and status in ('loaded', 'with_rejects')
order by id
limit 1
