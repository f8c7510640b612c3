-- sla_watermark: the newest loaded_at of the rows SLA clocks read (tickets, status changes,
-- customers): rows loaded after it at the next refresh are new or changed.
-- params: none
select cast(greatest(
	(select max(loaded_at) from tickets),
	(select max(loaded_at) from ticket_status_changes),
	(select max(loaded_at) from customers)
) as varchar) as watermark
