-- The Stripe Customer made for each subscriber who paid through Stripe, so that later Checkout Sessions reuse it and
-- Stripe keeps one customer (receipts, disputes) per subscriber. Must stay equivalent to ../postgresql/V28__stripe_customers.sql.

CREATE TABLE stripe_customer (
    subscriber_id TEXT NOT NULL PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    customer_id   TEXT NOT NULL
);
