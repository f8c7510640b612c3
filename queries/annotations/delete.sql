-- delete: remove an annotation. Returns its id (no row: there was none).
-- params: $id VARCHAR
delete from annotations where id = $id returning id
