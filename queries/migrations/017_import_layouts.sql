-- 017_import_layouts: what each import of a file was read with, so that the same file can feed
-- several datasets (one import per dataset and mapping) and be loaded again after its mapping
-- changed, and so that its rejected rows can be downloaded in the file's own columns.
alter table import_files add column preset varchar;         -- the preset the mapping is a part of
alter table import_files add column mapping_hash varchar;   -- fingerprint of the mapping as used (mappingHash)
alter table import_files add column forced boolean;         -- loaded again on purpose: the duplicate check was skipped
alter table import_files add column columns json;           -- the file's header as read (null for JSON)
