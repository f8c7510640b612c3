-- keys_save: remember the changed rows as the derived tables now count them.
-- params: none
insert into refresh_keys (dataset, key, counted_at, stamp)
select dataset, key, counted_at, stamp from refresh_changed
