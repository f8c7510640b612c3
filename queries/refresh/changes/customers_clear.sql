-- customers_clear: empty refresh_customer_dims (a full refresh lists every customer again).
-- params: none
delete from refresh_customer_dims
