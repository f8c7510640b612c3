-- customers_forget: drop from refresh_customer_dims the customers whose segment or name changed,
-- or that are gone (customers_save adds them again as they are now).
-- params: none
delete from refresh_customer_dims where id in (select id from refresh_changed_customers)
