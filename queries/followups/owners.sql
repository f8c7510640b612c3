-- owners: the account owners named in the customers data (the care agents when none are set).
-- params: none
select distinct owner from customers where owner is not null and trim(owner) <> '' order by owner
