-- 022_sla_breach_moments: when each of a ticket's two SLA times breached, so the churn model can
-- count the breaches known on a past day (queries/churn/compute_risk.sql): a ticket had breached
-- by a day only if its target moment passed before that day ended.
--   fr_breach_at / res_breach_at  the instant the elapsed time (on the policy's clock, pauses
--     excluded) passed the target: for a stopped time only when it stopped past its target; for
--     a running one when it did or will (no further pause assumed); null for a time met, without
--     a target, or paused before reaching its target.
alter table sla_clocks add column fr_breach_at timestamptz;
alter table sla_clocks add column res_breach_at timestamptz;

-- Clocks computed before this version lack the moments: the next refresh recomputes every
-- ticket (no refresh state), rebuilds the churn history (its SLA factor was not computed yet:
-- no model hash), and runs at the next start (no refresh recorded).
delete from sla_refresh_state;
delete from churn_state where key = 'model_hash';
delete from rollup_state;
