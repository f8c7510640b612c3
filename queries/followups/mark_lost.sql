-- mark_lost: the care unit learned that the customer is leaving (a call's outcome).
-- params: $customer_id VARCHAR, $lost_on DATE, $note VARCHAR, $by VARCHAR
insert into churn_lost (customer_id, lost_on, note, recorded_by) values ($customer_id, cast($lost_on as date), $note, $by)
on conflict (customer_id) do update set lost_on = excluded.lost_on, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()
