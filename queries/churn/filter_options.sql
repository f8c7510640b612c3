-- filter_options: the segments and account owners customers have, for the list's filters.
-- params: none
select
	coalesce((select list(distinct segment order by segment) from customers where segment is not null), []) as segments,
	coalesce((select list(distinct owner order by owner) from customers where owner is not null), []) as owners
