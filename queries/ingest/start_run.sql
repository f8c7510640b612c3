-- start_run: open the record of one ingest run.
-- params: $trigger VARCHAR (schedule | manual | cli | startup)
insert into import_runs (id, trigger, started_at, status)
values (cast(nextval('import_run_id_seq') as integer), $trigger, now(), 'running')
returning id
