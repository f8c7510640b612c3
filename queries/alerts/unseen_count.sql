-- unseen_count: alerts not yet acknowledged in the app (the badge in the navigation).
-- params: none
select cast(count(*) as integer) as unseen from alerts where seen_at is null
