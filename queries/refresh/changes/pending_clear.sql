-- pending_clear: the pending days are handed to this whole refresh.
-- params: none
delete from refresh_pending_days
