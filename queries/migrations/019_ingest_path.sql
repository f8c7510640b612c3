-- 019_ingest_path: which reader loaded each file, and why not DuckDB's when it was not.
--
-- 'native': DuckDB read the file (read_csv / read_parquet) and SQL generated from the dataset
-- and mapping definitions mapped and checked its rows (src/lib/server/imports/native/);
-- 'js': JavaScript read, mapped and checked every row. ingest_path_reason says why a file
-- went the JavaScript way (CARE_INGEST_PATH=js, a format or a mapping option the SQL does not
-- cover, an encoding or a layout DuckDB reads differently …). Null for older records.
alter table import_files add column ingest_path varchar;
alter table import_files add column ingest_path_reason varchar;
