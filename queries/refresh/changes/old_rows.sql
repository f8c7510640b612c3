-- old_rows: the instants the changed rows of one dataset were counted at by the last refresh
-- (from refresh_keys, before they are replaced), so their former local days are rebuilt too:
-- an update by key may have moved a row to another day. Appended to refresh_old.
-- params: $dataset VARCHAR
insert into refresh_old
select l.counted_at
from refresh_keys l
semi join (select key from refresh_changed where dataset = $dataset) c on c.key = l.key
where l.dataset = $dataset
