-- forget_edit: drop the edit record of a deleted annotation.
-- params: $id VARCHAR
delete from annotation_edits where annotation_id = $id
