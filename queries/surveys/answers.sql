-- answers: survey answers of a period (local days in the unit's time zone), newest first, with
-- their customer and ticket, one page at a time; total = rows matching before paging.
-- The viewer decides what leaves the database: $show_comments false leaves comments out (and
-- out of the search), $show_names false leaves customer names out (and out of the search):
-- executives see scores and ids, never what a customer wrote or who they are.
-- band: promoter (9-10) | passive (7-8) | detractor (0-6) for NPS; satisfied (4-5) | neutral (3)
-- | dissatisfied (1-2) for CSAT. channel: the ticket's channel for an answer about a ticket,
-- else the answer's own (as in rollup_surveys_daily). q: a piece of text, matched without regard
-- to case in the customer id, the ticket id and (when shown) the customer name and the comment.
-- sort: answered_at | score; dir: asc | desc (allow-listed in TypeScript; ties by newest).
-- params: $tz, $from DATE, $to DATE, $kind, $band, $occasion, $segment, $channel, $team,
--         $customer, $q VARCHAR (null: all), $show_comments, $show_names BOOLEAN,
--         $sort, $dir VARCHAR, $limit, $offset INTEGER
select
	s.id,
	cast(s.answered_at as varchar) as answered_at,
	s.kind,
	s.score,
	s.occasion,
	coalesce(t.channel, s.channel) as channel,
	case when $show_comments then s.comment end as comment,
	s.customer_id,
	case when $show_names then c.name end as customer_name,
	c.segment,
	s.ticket_id,
	cast(count(*) over () as integer) as total
from survey_answers s
left join customers c on c.id = s.customer_id
left join tickets t on t.id = s.ticket_id
where s.answered_at >= timezone($tz, cast(cast($from as date) as timestamp))
	and s.answered_at < timezone($tz, cast(cast($to as date) + 1 as timestamp))
	and ($kind is null or s.kind = $kind)
	and ($band is null
		or ($band = 'promoter' and s.kind = 'nps' and s.score >= 9)
		or ($band = 'passive' and s.kind = 'nps' and s.score between 7 and 8)
		or ($band = 'detractor' and s.kind = 'nps' and s.score <= 6)
		or ($band = 'satisfied' and s.kind = 'csat' and s.score >= 4)
		or ($band = 'neutral' and s.kind = 'csat' and s.score = 3)
		or ($band = 'dissatisfied' and s.kind = 'csat' and s.score <= 2))
	and ($occasion is null or s.occasion = $occasion)
	and ($segment is null or c.segment = $segment)
	and ($channel is null or coalesce(t.channel, s.channel) = $channel)
	and ($team is null or t.team = $team)
	and ($customer is null or s.customer_id = $customer)
	and ($q is null
		or contains(lower(s.customer_id), lower($q))
		or contains(lower(coalesce(s.ticket_id, '')), lower($q))
		or ($show_names and contains(lower(coalesce(c.name, '')), lower($q)))
		or ($show_comments and contains(lower(coalesce(s.comment, '')), lower($q))))
order by
	case when $sort = 'score' and $dir = 'asc' then s.score end asc nulls last,
	case when $sort = 'score' and $dir = 'desc' then s.score end desc nulls last,
	case when $sort = 'answered_at' and $dir = 'asc' then s.answered_at end asc nulls last,
	s.answered_at desc,
	s.id
limit $limit offset $offset
