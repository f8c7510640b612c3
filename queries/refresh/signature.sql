-- signature: what a derived table was last built with (no row: never built by this version).
-- params: $name VARCHAR
select signature from refresh_signatures where name = $name
