-- pending_moves: imports whose file has not been moved out of the inbox yet (the move failed,
-- or the process stopped between the file's commit and its move), oldest first.
-- params: none
select id, dataset, file_name, source_path, stored_path, sha256, cast(size_bytes as double) as size_bytes, status,
	cast(move_problem as varchar) as move_problem
from import_files
where move_pending
order by id
