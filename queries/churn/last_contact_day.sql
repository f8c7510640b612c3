-- last_contact_day: the newest local day with any contact (ticket, incoming call, survey
-- answer) of any customer: the risk is computed as of this day when it is before today, so a
-- database whose data stops in the past does not show every customer as silent until today.
-- params: none
select cast(max(day) as varchar) as day from churn_contact_days
