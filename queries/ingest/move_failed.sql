-- move_failed: the file of an import could not be moved out of the inbox; it stays pending
-- (tried again at the next run) and is listed on the Data page with this reason.
-- params: $id INTEGER, $problem VARCHAR (JSON {key, params})
update import_files set move_problem = cast($problem as json)
where id = $id
