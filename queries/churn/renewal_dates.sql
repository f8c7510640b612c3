-- renewal_dates: every customer's stored renewal date (the back-test: a churner still going
-- quiet leaves at its renewal).
-- params: none
select id, cast(renewal_date as varchar) as renewal_date from customers
