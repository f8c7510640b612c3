-- insert_items: put customers on a day's follow-up list, with the risk facts of the day (reasons)
-- copied from churn_risk_history so the list shows why they were called even after the risk moved.
-- params: $day DATE, $as_of DATE (risk day), $rows VARCHAR (JSON array of {customer_id, rank, score, priority, assignee})
insert into follow_ups (customer_id, list_day, rank, score, priority, reasons, assignee)
select i.customer_id, cast($day as date), i.rank, i.score, i.priority, to_json(r), i.assignee
from (select unnest(from_json($rows, '[{"customer_id":"VARCHAR","rank":"INTEGER","score":"DOUBLE","priority":"DOUBLE","assignee":"VARCHAR"}]'), recursive := true)) i
left join (select * exclude (computed_at) from churn_risk_history where as_of = cast($as_of as date)) r on r.customer_id = i.customer_id
