-- save_signature: remember what a derived table was built with.
-- params: $name VARCHAR, $signature VARCHAR
insert into refresh_signatures (name, signature) values ($name, $signature)
on conflict (name) do update set signature = excluded.signature
