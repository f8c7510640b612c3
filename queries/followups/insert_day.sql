-- insert_day: claim a day's list (the primary key makes a second, concurrent making fail).
-- params: $day DATE, $capacity INTEGER, $agents VARCHAR (JSON array of agent names)
insert into follow_up_days (day, capacity, agents) values (cast($day as date), $capacity, cast($agents as json))
