-- save_state: record what the baselines were just built with.
-- params: $params_hash VARCHAR
insert into peaks_state (id, built_at, params_hash, first_day, last_day)
select 1, now(), $params_hash, min(day), max(day) from peaks_days
on conflict (id) do update set built_at = excluded.built_at, params_hash = excluded.params_hash, first_day = excluded.first_day, last_day = excluded.last_day
