-- customer_contact_people: the contact persons the refresh has seen for one customer, newest first.
-- params: $id VARCHAR
select contact_name, seen_at, initial
from customer_contact_changes
where customer_id = $id
order by seen_at desc
