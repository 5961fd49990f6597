-- When each subscription first started, kept across renewals, so that churn counts the subscriptions that were
-- running at the start of a month. Existing rows take their current period's start.
-- Must stay equivalent to ../postgresql/V22__subscription_started.sql.

ALTER TABLE subscription ADD COLUMN started_at INTEGER;
UPDATE subscription SET started_at = period_start;
