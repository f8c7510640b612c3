-- customers_save: the customer fields the rollups copy, as this refresh saw them.
-- params: none
insert into refresh_customer_dims select id, segment, name from customers
