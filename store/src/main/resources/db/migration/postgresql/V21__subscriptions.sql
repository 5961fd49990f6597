-- What plans cost and how subscriptions run (issue 7): prices per currency, trial and grace, the credit price for
-- resellers; one subscription per subscriber with its lifecycle state; Checkout Sessions opened for invoices; and the
-- gateway events already processed, so that an event delivered twice is acted on once.
-- Must stay equivalent to ../sqlite/V21__subscriptions.sql.

CREATE TABLE plan_terms (
    plan_id      TEXT NOT NULL PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
    trial_ms     BIGINT NOT NULL CHECK (trial_ms >= 0),
    grace_ms     BIGINT NOT NULL CHECK (grace_ms >= 0),
    credit_price BIGINT NOT NULL CHECK (credit_price >= 0)
);

CREATE TABLE plan_price (
    plan_id  TEXT NOT NULL REFERENCES plan_terms (plan_id) ON DELETE CASCADE,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    amount   BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (plan_id, currency)
);

CREATE TABLE subscription (
    subscriber_id        TEXT NOT NULL PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    id                   TEXT NOT NULL UNIQUE,
    plan_id              TEXT NOT NULL REFERENCES plan (id),
    currency             TEXT NOT NULL CHECK (length(currency) = 3),
    state                TEXT NOT NULL CHECK (state IN ('TRIAL', 'ACTIVE', 'PAST_DUE', 'EXPIRED', 'CANCELLED')),
    period_start         BIGINT NOT NULL,
    period_end           BIGINT NOT NULL,
    grace_end            BIGINT,
    cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
    version              BIGINT NOT NULL
);

CREATE INDEX subscription_period_end ON subscription (state, period_end);

CREATE TABLE checkout (
    session_id     TEXT NOT NULL PRIMARY KEY,
    invoice_number TEXT NOT NULL REFERENCES invoice (number),
    subscriber_id  TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);

CREATE TABLE gateway_event (
    event_id     TEXT NOT NULL PRIMARY KEY,
    gateway      TEXT NOT NULL,
    type         TEXT NOT NULL,
    received_at  BIGINT NOT NULL,
    outcome      TEXT NOT NULL
);
