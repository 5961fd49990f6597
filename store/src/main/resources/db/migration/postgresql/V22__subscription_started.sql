-- When each subscription first started, kept across renewals, so that churn counts the subscriptions that were
-- running at the start of a month. Existing rows take their current period's start.
-- Must stay equivalent to ../sqlite/V22__subscription_started.sql.

ALTER TABLE subscription ADD COLUMN started_at BIGINT;
UPDATE subscription SET started_at = period_start;
