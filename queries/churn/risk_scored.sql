-- risk_scored: the churn risk was scored for the inputs the last refresh committed (clears the
-- note refreshChurnInputs leaves; src/lib/server/churn/refresh.ts).
-- params: none
delete from churn_state where key = 'risk_pending'
