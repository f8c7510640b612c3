-- answers: survey answers of a period (local days in the unit's time zone), newest first, with
-- their customer and ticket, one page at a time; total = rows matching before paging. Read from
-- rollup_survey_answers (channel, team, segment and names resolved at refresh).
-- The viewer decides what leaves the database: $show_comments false leaves comments out (and
-- out of the search), $show_names false leaves customer names out (and out of the search):
-- executives see scores and ids, never what a customer wrote or who they are.
-- band: promoter (9-10) | passive (7-8) | detractor (0-6) for NPS; satisfied (4-5) | neutral (3)
-- | dissatisfied (1-2) for CSAT. channel: the ticket's channel for an answer about a ticket,
-- else the answer's own. q: a piece of text, matched without regard to case in the customer id,
-- the ticket id and (when shown) the customer name and the comment.
-- sort: answered_at | score; dir: asc | desc (allow-listed in TypeScript; ties by newest).
-- params: $from DATE, $to DATE, $kind, $band, $occasion, $segment, $channel, $team, $customer,
--         $q VARCHAR (null: all), $show_comments, $show_names BOOLEAN, $sort, $dir VARCHAR,
--         $limit, $offset INTEGER
with matching as (
	-- The answers that match, narrow: counted for the total, sorted for the page.
	select a.id, a.answered_at, a.score
	from rollup_survey_answers a
	where a.local_day between cast($from as date) and cast($to as date)
	and ($kind is null or a.kind = $kind)
	and ($band is null
		or ($band = 'promoter' and a.kind = 'nps' and a.score >= 9)
		or ($band = 'passive' and a.kind = 'nps' and a.score between 7 and 8)
		or ($band = 'detractor' and a.kind = 'nps' and a.score <= 6)
		or ($band = 'satisfied' and a.kind = 'csat' and a.score >= 4)
		or ($band = 'neutral' and a.kind = 'csat' and a.score = 3)
		or ($band = 'dissatisfied' and a.kind = 'csat' and a.score <= 2))
	and ($occasion is null or a.occasion = $occasion)
	and ($segment is null or a.segment = $segment)
	and ($channel is null or a.channel = $channel)
	and ($team is null or a.team = $team)
	and ($customer is null or a.customer_id = $customer)
	and ($q is null
		or contains(lower(coalesce(a.customer_id, '')), lower($q))
		or contains(lower(coalesce(a.ticket_id, '')), lower($q))
		or ($show_names and contains(lower(coalesce(a.customer_name, '')), lower($q)))
		or ($show_comments and contains(lower(coalesce(a.comment, '')), lower($q))))
),
page as (
	select id from matching a
	order by
		case when $sort = 'score' and $dir = 'asc' then a.score end asc nulls last,
		case when $sort = 'score' and $dir = 'desc' then a.score end desc nulls last,
		case when $sort = 'answered_at' and $dir = 'asc' then a.answered_at end asc nulls last,
		a.answered_at desc,
		a.id
	limit $limit offset $offset
)
select
	a.id,
	cast(a.answered_at as varchar) as answered_at,
	a.kind,
	a.score,
	a.occasion,
	a.channel,
	case when $show_comments then a.comment end as comment,
	a.customer_id,
	case when $show_names then a.customer_name end as customer_name,
	a.segment,
	a.ticket_id,
	cast((select count(*) from matching) as integer) as total
from page
join rollup_survey_answers a on a.id = page.id and a.local_day between cast($from as date) and cast($to as date)
-- the page's order again (the join does not keep it)
order by
	case when $sort = 'score' and $dir = 'asc' then a.score end asc nulls last,
	case when $sort = 'score' and $dir = 'desc' then a.score end desc nulls last,
	case when $sort = 'answered_at' and $dir = 'asc' then a.answered_at end asc nulls last,
	a.answered_at desc,
	a.id
