-- reopens_forget: drop the reopenings of the tickets whose reopenings are recomputed.
-- params: none
delete from churn_reopens where ticket_id in (select id from churn_touched_tickets)
