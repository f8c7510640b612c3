-- save_state: set one bookkeeping value of the churn step.
-- params: $key VARCHAR, $value VARCHAR
insert into churn_state (key, value) values ($key, $value)
on conflict (key) do update set value = excluded.value
