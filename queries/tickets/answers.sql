-- answers: the survey answers about a ticket; comments only when $show_text.
-- params: $id VARCHAR, $show_text BOOLEAN
select id, kind, score, occasion, cast(answered_at as varchar) as answered_at,
	case when $show_text then nullif(comment, '') end as comment
from survey_answers
where ticket_id = $id
order by answered_at, id
