-- upsert_customers: merge one file's staged customers (deduplicated by id, last row wins).
-- params: $file_id INTEGER
insert into customers (id, name, segment, contract_start, renewal_date, owner, contact_name, contact_phone, contact_email, tier, contact_since, is_stub, source_file_id, loaded_at)
select id, name, segment, cast(contract_start as date), cast(renewal_date as date), owner, contact_name, contact_phone, contact_email, tier, cast(contact_since as date), false, $file_id, now()
from stage
on conflict (id) do update set
	name = excluded.name, segment = excluded.segment, contract_start = excluded.contract_start,
	renewal_date = excluded.renewal_date, owner = excluded.owner, contact_name = excluded.contact_name,
	contact_phone = excluded.contact_phone, contact_email = excluded.contact_email, tier = excluded.tier, contact_since = excluded.contact_since, is_stub = false,
	source_file_id = excluded.source_file_id, loaded_at = excluded.loaded_at
