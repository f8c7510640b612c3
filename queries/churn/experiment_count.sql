-- experiment_count: customers drawn into the hold-out experiment while at risk (both arms, all days).
-- params: $at_risk DOUBLE
select cast(count(*) as integer) as n from churn_experiment where score >= $at_risk
