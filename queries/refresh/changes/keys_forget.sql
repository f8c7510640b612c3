-- keys_forget: drop the refresh_keys rows of one dataset's changed rows (saved again as they are
-- now by keys_save).
-- params: $dataset VARCHAR
delete from refresh_keys
where dataset = $dataset and key in (select key from refresh_changed where dataset = $dataset)
