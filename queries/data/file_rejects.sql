-- file_rejects: rejected rows of one imported file, in file order.
-- params: $id INTEGER, $limit INTEGER
select line, record, column_name, value, reason, reason_key, cast(reason_params as varchar) as reason_params, raw
from import_rejects
where file_id = $id
order by record
limit $limit
