-- risk_pending: whether a refresh committed new churn inputs (contact days, reopenings) whose
-- risk was not scored after them: the process stopped between the refresh's two transactions.
-- params: none
select exists (select 1 from churn_state where key = 'risk_pending') as pending
