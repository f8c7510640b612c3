-- list: every release and incident annotation, newest first, with the file it was loaded
-- from (null: entered on the Annotations page).
-- params: none
select
	a.id,
	a.kind,
	a.title,
	a.description,
	cast(a.starts_at as varchar) as starts_at,
	cast(a.ends_at as varchar) as ends_at,
	f.file_name as source_file,
	cast(e.edited_at as varchar) as edited_at
from annotations a
left join import_files f on f.id = a.source_file_id
left join annotation_edits e on e.annotation_id = a.id
order by a.starts_at desc, a.id
