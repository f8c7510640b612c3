-- backtest_day: every customer's status, score and silence on one computed day (the back-test
-- ranks them by score, and the baseline by silence alone).
-- params: $as_of DATE
select customer_id, status, score, silence_days from churn_risk_history where as_of = cast($as_of as date)
