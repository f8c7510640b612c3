-- customers_forget: empty refresh_customer_dims before customers_save fills it again.
-- params: none
delete from refresh_customer_dims
