-- drop_actuals: drop the staged counts once the baselines are built.
-- params: none
drop table if exists peaks_actuals
