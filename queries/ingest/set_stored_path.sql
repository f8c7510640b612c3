-- set_stored_path: where the file was moved after its import (processed/… or failed/…).
-- params: $id INTEGER, $stored_path VARCHAR
update import_files set stored_path = $stored_path where id = $id
