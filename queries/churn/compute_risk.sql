-- compute_risk: the silent-customer churn risk of every customer as of one local day, from the
-- data as it was at the end of that day, appended to churn_risk_history. The model, with a
-- worked example to check by hand, is docs/churn-model.md; in short, each factor has a
-- strength from 0 to 1 and contributes weight × strength points; the score is their sum:
--   silence       ln(silence / usual gap) / ln(full ratio), 0 below the minimum silence;
--                 usual gap = the customer's mean gap between contact days in the look-back,
--                 or its segment's median of those when it has too few gaps (rhythm_basis)
--   low score     latest NPS in the window: (10 − score) / 10 for a detractor (0-6);
--                 latest CSAT: (5 − score) / 4 for 1-3; the larger of the two
--   SLA breaches  tickets in the window that breached a target (first response or resolution)
--                 by the cut-off, from sla_clocks' breach moments (a ticket breached later
--                 was not known to have breached then): min(1, breaches / 2)
--   long open     longest open time of a ticket in the window (feature requests aside):
--                 min(1, days / (2 × long-open days)) once it reaches the long-open days
--   reopened      tickets in the window reopened after resolved/closed: min(1, count / 2)
--   feature       oldest feature request still unanswered after the minimum days:
--                 min(1, age / full days), halved when the customer never called about it
--   trend         fall of product activity (recent window against the window before),
--                 relative to all customers' fall (so a holiday season is not a fall):
--                 (drop − floor) / (full − floor), clamped; contact days when no activity data
--   renewal       next renewal within the window: 1 − days to it / window
--   new contact   contact person changed within the window: 1 − days since / window
-- Renewal dates: the stored renewal date is the contract's next one; for a day in the past the
-- renewal then is the stored date minus whole years (yearly contracts). A customer whose stored
-- renewal date is more than the grace days before as_of is lapsed; one marked lost on or before
-- as_of is lost; one whose contract starts later (or never seen) is not_started. Only active
-- customers are ranked.
-- Grain: customer.  params: $as_of DATE, $tz VARCHAR, $model VARCHAR (JSON: the model part of
-- the churn settings, see src/lib/server/churn/settings.ts), $reconstructed BOOLEAN,
-- $now TIMESTAMPTZ (the refresh's now: today's cut-off is still to come, and a running SLA
-- clock that breaches later today has not breached yet)
-- Performance: the windows' bounds are written out from the parameters in each WHERE (not read
-- from the p row through a join), so DuckDB folds them into constants and filters inside the
-- table scans; the calls chasing a feature request are counted only for the open requests old
-- enough to count, by one join (not a subquery per request over every inbound call).
insert into churn_risk_history
with p as (
	select
		cast($as_of as date) as as_of,
		timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) as cutoff,
		least(timezone($tz, cast(cast($as_of as date) + 1 as timestamp)), cast($now as timestamptz)) as known_at,
		cast(json_extract_string($model, '$.weights.silence') as double) as w_silence,
		cast(json_extract_string($model, '$.weights.lowScore') as double) as w_low_score,
		cast(json_extract_string($model, '$.weights.slaBreach') as double) as w_sla,
		cast(json_extract_string($model, '$.weights.longOpen') as double) as w_long_open,
		cast(json_extract_string($model, '$.weights.reopened') as double) as w_reopened,
		cast(json_extract_string($model, '$.weights.featureRequest') as double) as w_feature,
		cast(json_extract_string($model, '$.weights.fallingTrend') as double) as w_trend,
		cast(json_extract_string($model, '$.weights.renewal') as double) as w_renewal,
		cast(json_extract_string($model, '$.weights.newContact') as double) as w_new_contact,
		cast(json_extract_string($model, '$.rhythm.lookbackDays') as integer) as lookback_days,
		cast(json_extract_string($model, '$.rhythm.minGaps') as integer) as min_gaps,
		cast(json_extract_string($model, '$.rhythm.minSilenceDays') as integer) as min_silence,
		cast(json_extract_string($model, '$.rhythm.fullRatio') as double) as full_ratio,
		cast(json_extract_string($model, '$.lowScore.windowDays') as integer) as score_days,
		cast(json_extract_string($model, '$.tickets.windowDays') as integer) as ticket_days,
		cast(json_extract_string($model, '$.tickets.longOpenDays') as double) as long_open_min,
		cast(json_extract_string($model, '$.tickets.featureMinDays') as integer) as feature_min,
		cast(json_extract_string($model, '$.tickets.featureFullDays') as double) as feature_full,
		cast(json_extract_string($model, '$.trend.recentDays') as integer) as trend_recent,
		cast(json_extract_string($model, '$.trend.beforeDays') as integer) as trend_before,
		cast(json_extract_string($model, '$.trend.dropFloor') as double) as drop_floor,
		cast(json_extract_string($model, '$.trend.dropFull') as double) as drop_full,
		cast(json_extract_string($model, '$.renewal.windowDays') as integer) as renewal_window,
		cast(json_extract_string($model, '$.renewal.lapseGraceDays') as integer) as lapse_grace,
		cast(json_extract_string($model, '$.newContact.windowDays') as integer) as contact_window
),
cust as (
	select
		c.id as customer_id,
		c.segment,
		c.contract_start,
		c.renewal_date,
		c.contact_since as contact_since_file,
		l.lost_on
	from customers c
	left join churn_lost l on l.customer_id = c.id
),
-- Contact rhythm: days in touch within the look-back and the gaps between them.
touch as (
	select d.customer_id, d.day, case when d.prev_day > p.as_of - p.lookback_days then d.day - d.prev_day end as gap
	from churn_contact_days d, p
	where d.day <= cast($as_of as date) and d.day > cast($as_of as date) - cast(json_extract_string($model, '$.rhythm.lookbackDays') as integer)
),
rhythm as (
	select customer_id, count(*) as contact_days, count(gap) as gaps, avg(gap) as mean_gap
	from touch
	group by customer_id
),
last_touch as (
	select d.customer_id, max(d.day) as last_day
	from churn_contact_days d
	where d.day <= cast($as_of as date)
	group by d.customer_id
),
segment_gap as (
	select c.segment, median(r.mean_gap) as gap
	from rhythm r join cust c using (customer_id), p
	where r.gaps >= p.min_gaps
	group by c.segment
),
all_gap as (
	select median(r.mean_gap) as gap from rhythm r, p where r.gaps >= p.min_gaps
),
-- Latest NPS and CSAT answers in the window.
scores as (
	select
		s.customer_id,
		arg_max(s.score, s.answered_at) filter (where s.kind = 'nps') as last_nps,
		cast(timezone($tz, max(s.answered_at) filter (where s.kind = 'nps')) as date) as last_nps_day,
		arg_max(s.score, s.answered_at) filter (where s.kind = 'csat') as last_csat,
		cast(timezone($tz, max(s.answered_at) filter (where s.kind = 'csat')) as date) as last_csat_day
	from survey_answers s
	where s.customer_id is not null and s.answered_at < timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) and s.answered_at >= timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) - to_days(cast(json_extract_string($model, '$.lowScore.windowDays') as integer))
	group by s.customer_id
),
-- Tickets opened in the window, as they stood at the cut-off.
recent as (
	select t.id, t.customer_id, t.category, t.created_at, t.resolved_at, p.cutoff
	from tickets t, p
	where t.customer_id is not null and t.created_at < timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) and t.created_at >= timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) - to_days(cast(json_extract_string($model, '$.tickets.windowDays') as integer))
),
-- Tickets in the window whose first response or resolution had breached its target by the
-- cut-off (sla_clocks, built by the SLA step before this one). Null without any SLA clock.
sla_breaches as (
	select r.customer_id, cast(count(*) as integer) as breaches
	from recent r
	join (
		-- the clocks of the window's tickets (created_at is the ticket's) that had breached,
		-- bounded before the join so the scan skips the rest
		select k.ticket_id
		from sla_clocks k
		where k.created_at < timezone($tz, cast(cast($as_of as date) + 1 as timestamp))
			and k.created_at >= timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) - to_days(cast(json_extract_string($model, '$.tickets.windowDays') as integer))
			and (k.fr_breach_at < least(timezone($tz, cast(cast($as_of as date) + 1 as timestamp)), cast($now as timestamptz))
				or k.res_breach_at < least(timezone($tz, cast(cast($as_of as date) + 1 as timestamp)), cast($now as timestamptz)))
	) k on k.ticket_id = r.id
	group by r.customer_id
),
sla_known as (
	select exists (select 1 from sla_clocks) as any_clock
),
long_open as (
	select customer_id, max(open_days) as long_open_days, arg_max(id, open_days) as long_open_ticket
	from (
		-- epoch differences: subtracting TIMESTAMPTZ values goes through ICU's calendar and is slow
		select customer_id, id, (epoch(least(coalesce(resolved_at, cutoff), cutoff)) - epoch(created_at)) / 86400.0 as open_days
		from recent
		where category is distinct from 'feature_request'
	)
	group by customer_id
),
reopened as (
	select r.customer_id, cast(count(distinct r.id) as integer) as reopened
	from churn_reopens x
	join recent r on r.id = x.ticket_id
	cross join p
	where x.reopened_at < p.cutoff
	group by r.customer_id
),
-- Feature requests still without an answer (not resolved or closed) at the cut-off, open for at
-- least the minimum days, and how many times the customer called about each since it was opened.
open_features as (
	select o.* from (
		select
			t.customer_id,
			t.id,
			t.created_at,
			cast(p.as_of - cast(timezone($tz, t.created_at) as date) as integer) as age_days
		from (
			-- bounded in a subquery of its own so the scan skips the tickets outside the look-back
			select * from tickets t
			where t.category = 'feature_request'
				and t.customer_id is not null
				and t.created_at < timezone($tz, cast(cast($as_of as date) + 1 as timestamp))
				and t.created_at >= timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) - to_days(cast(json_extract_string($model, '$.rhythm.lookbackDays') as integer))
		) t, p
		where (t.resolved_at is null or t.resolved_at >= p.cutoff)
			and (t.closed_at is null or t.closed_at >= p.cutoff)
	) o, p
	where o.age_days >= p.feature_min
),
chases as (
	select o.id, cast(count(*) as integer) as chased
	from open_features o
	join (
		-- every request counted was opened within the look-back: a bound the scan can use
		-- (inside the join's condition it was not pushed into the scan of every call)
		select k.ticket_id, k.started_at
		from calls k
		where k.direction = 'inbound' and k.ticket_id is not null
			and k.started_at < timezone($tz, cast(cast($as_of as date) + 1 as timestamp))
			and k.started_at >= timezone($tz, cast(cast($as_of as date) + 1 as timestamp)) - to_days(cast(json_extract_string($model, '$.rhythm.lookbackDays') as integer))
	) k on k.ticket_id = o.id
	where k.started_at > o.created_at
	group by o.id
),
feature as (
	select
		f.customer_id,
		-- the strongest request; among equally strong ones the oldest, then the highest id (so
		-- the same data always names the same request)
		arg_max(f.id, (f.strength, f.age_days, f.id)) as feature_ticket,
		arg_max(f.age_days, (f.strength, f.age_days, f.id)) as feature_age_days,
		arg_max(f.chased, (f.strength, f.age_days, f.id)) as feature_chased,
		max(f.strength) as strength
	from (
		select o.customer_id, o.id, o.age_days, coalesce(c.chased, 0) as chased,
			least(1, o.age_days / p.feature_full) * (case when coalesce(c.chased, 0) > 0 then 1 else 0.5 end) as strength
		from open_features o
		left join chases c on c.id = o.id
		cross join p
	) f
	group by f.customer_id
),
-- Product activity per day in the recent window and in the window before it.
activity as (
	select
		a.customer_id,
		coalesce(sum(a.count) filter (where a.day > p.as_of - p.trend_recent), 0) / p.trend_recent as recent,
		coalesce(sum(a.count) filter (where a.day <= p.as_of - p.trend_recent), 0) / p.trend_before as before
	from product_activity a, p
	where a.day <= cast($as_of as date) and a.day > cast($as_of as date) - cast(json_extract_string($model, '$.trend.recentDays') as integer) - cast(json_extract_string($model, '$.trend.beforeDays') as integer)
	group by a.customer_id, p.trend_recent, p.trend_before
),
activity_all as (
	select sum(recent) / nullif(sum(before), 0) as ratio from activity
),
contact_trend as (
	select
		d.customer_id,
		cast(count(*) filter (where d.day > p.as_of - p.trend_recent) as integer) as recent,
		count(*) filter (where d.day <= p.as_of - p.trend_recent) * p.trend_recent / p.trend_before as before
	from churn_contact_days d, p
	where d.day <= cast($as_of as date) and d.day > cast($as_of as date) - cast(json_extract_string($model, '$.trend.recentDays') as integer) - cast(json_extract_string($model, '$.trend.beforeDays') as integer)
	group by d.customer_id, p.trend_recent, p.trend_before
),
contact_all as (
	select sum(recent) / nullif(sum(before), 0) as ratio from contact_trend
),
contact_changes as (
	select x.customer_id, max(cast(timezone($tz, x.seen_at) as date)) as changed_on
	from customer_contact_changes x
	where not x.initial and x.seen_at < timezone($tz, cast(cast($as_of as date) + 1 as timestamp))
	group by x.customer_id
),
facts as (
	select
		c.customer_id,
		c.segment,
		case
			when c.lost_on is not null and c.lost_on <= p.as_of then 'lost'
			when c.renewal_date is not null and c.renewal_date < p.as_of - p.lapse_grace then 'lapsed'
			when c.contract_start > p.as_of or (c.contract_start is null and lt.last_day is null) then 'not_started'
			else 'active'
		end as status,
		lt.last_day as last_contact_day,
		cast(p.as_of - coalesce(lt.last_day, greatest(c.contract_start, p.as_of - p.lookback_days)) as integer) as silence_days,
		coalesce(r.contact_days, 0) as contact_days,
		coalesce(r.gaps, 0) as gaps,
		case when coalesce(r.gaps, 0) >= p.min_gaps then r.mean_gap else coalesce(sg.gap, ag.gap) end as usual_gap,
		case when coalesce(r.gaps, 0) >= p.min_gaps then 'own' else 'segment' end as rhythm_basis,
		s.last_nps, s.last_nps_day, s.last_csat, s.last_csat_day,
		lo.long_open_days, lo.long_open_ticket,
		coalesce(ro.reopened, 0) as reopened,
		case when sk.any_clock then coalesce(sb.breaches, 0) end as sla_breaches,
		f.feature_age_days, f.feature_ticket, f.feature_chased, f.strength as feature_strength,
		a.recent as activity_recent,
		a.before as activity_before,
		case when a.before > 0 and aa.ratio > 0 then 1 - (a.recent / a.before) / aa.ratio end as activity_drop,
		ct.recent as contacts_recent,
		ct.before as contacts_before,
		case when ct.before >= 3 and ca.ratio > 0 then 1 - (ct.recent / ct.before) / ca.ratio end as contact_drop,
		case when c.renewal_date >= p.as_of then
			list_min(list_filter(list_transform(range(0, 30), k -> cast(c.renewal_date - to_years(cast(k as integer)) as date)), d -> d >= p.as_of))
		end as renewal_day,
		case
			when c.contact_since_file is not null and c.contact_since_file <= p.as_of then c.contact_since_file
			when cc.changed_on is not null then cc.changed_on
		end as contact_since,
		c.contract_start
	from cust c
	cross join p
	left join last_touch lt on lt.customer_id = c.customer_id
	left join rhythm r on r.customer_id = c.customer_id
	left join segment_gap sg on sg.segment is not distinct from c.segment
	cross join all_gap ag
	left join scores s on s.customer_id = c.customer_id
	left join long_open lo on lo.customer_id = c.customer_id
	left join reopened ro on ro.customer_id = c.customer_id
	left join sla_breaches sb on sb.customer_id = c.customer_id
	cross join sla_known sk
	left join feature f on f.customer_id = c.customer_id
	left join activity a on a.customer_id = c.customer_id
	cross join activity_all aa
	left join contact_trend ct on ct.customer_id = c.customer_id
	cross join contact_all ca
	left join contact_changes cc on cc.customer_id = c.customer_id
),
strengths as (
	select
		f.*,
		f.silence_days / nullif(f.usual_gap, 0) as silence_ratio,
		case
			when f.silence_days is null or f.silence_days < p.min_silence or f.usual_gap is null or f.usual_gap <= 0 then 0
			else greatest(0, least(1, ln(f.silence_days / f.usual_gap) / ln(p.full_ratio)))
		end as s_silence,
		greatest(
			case when f.last_nps <= 6 then (10 - f.last_nps) / 10.0 else 0 end,
			case when f.last_csat <= 3 then (5 - f.last_csat) / 4.0 else 0 end
		) as s_low_score,
		case when f.long_open_days >= p.long_open_min then least(1, f.long_open_days / (2 * p.long_open_min)) else 0 end as s_long_open,
		least(1, coalesce(f.sla_breaches, 0) / 2.0) as s_sla,
		least(1, f.reopened / 2.0) as s_reopened,
		coalesce(f.feature_strength, 0) as s_feature,
		greatest(0, least(1, (coalesce(f.activity_drop, case when f.activity_before is null then f.contact_drop end, 0) - p.drop_floor) / (p.drop_full - p.drop_floor))) as s_trend,
		case when f.renewal_day is not null and f.renewal_day - p.as_of <= p.renewal_window then 1 - (f.renewal_day - p.as_of) / p.renewal_window else 0 end as s_renewal,
		case
			when f.contact_since is not null and f.contact_since > p.as_of - p.contact_window
				and (f.contract_start is null or f.contact_since > f.contract_start + 30)
			then 1 - (p.as_of - f.contact_since) / p.contact_window
			else 0
		end as s_new_contact
	from facts f, p
),
points as (
	select
		s.*,
		round(p.w_silence * s.s_silence, 1) as c_silence,
		round(p.w_low_score * s.s_low_score, 1) as c_low_score,
		round(p.w_sla * s.s_sla, 1) as c_sla,
		round(p.w_long_open * s.s_long_open, 1) as c_long_open,
		round(p.w_reopened * s.s_reopened, 1) as c_reopened,
		round(p.w_feature * s.s_feature, 1) as c_feature,
		round(p.w_trend * s.s_trend, 1) as c_trend,
		round(p.w_renewal * s.s_renewal, 1) as c_renewal,
		round(p.w_new_contact * s.s_new_contact, 1) as c_new_contact
	from strengths s, p
),
scored as (
	select *, round(c_silence + c_low_score + c_sla + c_long_open + c_reopened + c_feature + c_trend + c_renewal + c_new_contact, 1) as score
	from points
)
select
	p.as_of,
	s.customer_id,
	s.status,
	s.score,
	case when s.status = 'active' then
		cast(row_number() over (partition by s.status = 'active' order by s.score desc, s.silence_days desc nulls last, s.customer_id) as integer)
	end as rank,
	s.silence_days,
	s.last_contact_day,
	cast(s.contact_days as integer),
	cast(s.gaps as integer),
	s.usual_gap,
	s.rhythm_basis,
	s.silence_ratio,
	s.last_nps, s.last_nps_day, s.last_csat, s.last_csat_day,
	s.sla_breaches,
	s.long_open_days, s.long_open_ticket,
	s.reopened,
	s.feature_age_days, s.feature_ticket, s.feature_chased,
	s.activity_recent, s.activity_before, s.activity_drop,
	s.contacts_recent, s.contacts_before, s.contact_drop,
	s.renewal_day,
	cast(s.renewal_day - p.as_of as integer) as renewal_days,
	s.contact_since,
	s.c_silence, s.c_low_score, s.c_sla, s.c_long_open, s.c_reopened, s.c_feature, s.c_trend, s.c_renewal, s.c_new_contact,
	cast($reconstructed as boolean),
	now()
from scored s, p
