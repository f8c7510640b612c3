-- first_contact_day: the oldest local day with any contact (ticket, incoming call, survey
-- answer) of any customer. The risk is not reconstructed for days before it: nothing was known
-- then, and each reconstructed day costs a whole computation (an empty database would otherwise
-- compute a year of empty days on every refresh).
-- params: none
select cast(min(day) as varchar) as day from churn_contact_days
