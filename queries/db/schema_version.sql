-- schema_version: the highest migration applied to this database file.
-- params: none
select cast(max(version) as integer) as version from schema_migrations
