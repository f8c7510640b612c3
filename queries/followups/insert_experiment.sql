-- insert_experiment: record customers drawn into an arm of the hold-out experiment on a day.
-- params: $day DATE, $rows VARCHAR (JSON array of {customer_id, arm, score})
insert into churn_experiment (customer_id, entered_on, arm, score)
select customer_id, cast($day as date), arm, score
from (select unnest(from_json($rows, '[{"customer_id":"VARCHAR","arm":"VARCHAR","score":"DOUBLE"}]'), recursive := true))
