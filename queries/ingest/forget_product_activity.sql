-- forget_product_activity: the first half of merging one file's staged activity counts (key:
-- customer, day, kind): the staged keys' rows go, and insert_product_activity writes them.
-- params: none
delete from product_activity a
using (select customer_id, cast(day as date) as day, kind from stage) s
where a.customer_id = s.customer_id and a.day = s.day and a.kind = s.kind
