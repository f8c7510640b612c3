-- queues: the queues incoming calls were offered to (for the Staffing page's filter).
-- params: none
select distinct queue from staffing_hourly where not all_queues and queue <> '' order by queue
