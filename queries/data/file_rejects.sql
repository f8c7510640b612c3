-- file_rejects: rejected rows of one imported file, in file order.
-- params: $id INTEGER, $limit INTEGER
select line, record, column_name, value, reason, raw
from import_rejects
where file_id = $id
order by record
limit $limit
