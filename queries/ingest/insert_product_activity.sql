-- insert_product_activity: the second half of merging one file's staged activity counts (key: customer, day, kind).
-- params: $file_id INTEGER (days are local calendar days; no time zone applies)
insert into product_activity (customer_id, day, kind, count, source_file_id, loaded_at)
select customer_id, cast(day as date), kind, cast(count as double), $file_id, now()
from stage
