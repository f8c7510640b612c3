-- insert_snooze: keep a customer off the follow-up list until a day (the latest snooze counts).
-- params: $customer_id VARCHAR, $until DATE, $note VARCHAR, $by VARCHAR
insert into churn_snoozes (customer_id, until, note, created_by) values ($customer_id, cast($until as date), $note, $by)
returning id
