-- The customer base on PostgreSQL: plans, resellers and their credit ledger, subscribers, devices.
-- Must stay equivalent to ../sqlite/V2__subscribers.sql: the repositories run the same SQL on both.
--
-- ON DELETE, chosen so that nothing a customer pays for disappears as a side effect:
--   package  <- plan_package, subscriber_package: RESTRICT (a package still sold or granted cannot be deleted)
--   plan     <- subscriber.plan_id:               RESTRICT (a plan with subscribers cannot be deleted)
--   reseller <- subscriber.owner_reseller_id:     RESTRICT (a reseller who owns subscribers cannot be deleted)
--   reseller <- credit_movement:                  CASCADE  (the ledger goes with its reseller)
--   plan, subscriber <- their own detail rows:     CASCADE  (packages, networks, devices)

CREATE TABLE plan (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    max_connections INTEGER NOT NULL CHECK (max_connections >= 1),
    max_quality     TEXT    NOT NULL CHECK (max_quality IN ('SD', 'HD', 'FHD', 'UHD')),
    price_minor     BIGINT  NOT NULL CHECK (price_minor >= 0),
    currency        TEXT    NOT NULL CHECK (length(currency) = 3),
    period_length   INTEGER NOT NULL CHECK (period_length >= 1),
    period_unit     TEXT    NOT NULL CHECK (period_unit IN ('DAYS', 'MONTHS')),
    enabled         BOOLEAN NOT NULL
);

CREATE TABLE plan_package (
    plan_id    TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    package_id TEXT NOT NULL REFERENCES package (id) ON DELETE RESTRICT,
    PRIMARY KEY (plan_id, package_id)
);

CREATE INDEX plan_package_package ON plan_package (package_id);

CREATE TABLE reseller (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    credits    BIGINT  NOT NULL CHECK (credits >= 0),
    version    BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);

-- One row per change of a reseller's balance; version is the reseller's version the change produced.
CREATE TABLE credit_movement (
    reseller_id   TEXT    NOT NULL REFERENCES reseller (id) ON DELETE CASCADE,
    version       BIGINT  NOT NULL,
    delta         BIGINT  NOT NULL CHECK (delta <> 0),
    reason        TEXT    NOT NULL,
    at            BIGINT  NOT NULL,
    balance_after BIGINT  NOT NULL CHECK (balance_after >= 0),
    PRIMARY KEY (reseller_id, version)
);

-- username_key is the username in ASCII lower case: uniqueness ignores case on both databases alike.
-- output_formats lists the allowed formats, comma-separated in declaration order ('HLS,TS').
CREATE TABLE subscriber (
    id                TEXT    NOT NULL PRIMARY KEY,
    username          TEXT    NOT NULL,
    username_key      TEXT    NOT NULL,
    password_hash     TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED', 'BANNED', 'EXPIRED')),
    expires_at        BIGINT,
    max_connections   INTEGER NOT NULL CHECK (max_connections >= 1),
    output_formats    TEXT    NOT NULL,
    plan_id           TEXT    REFERENCES plan (id) ON DELETE RESTRICT,
    notes             TEXT,
    owner_reseller_id TEXT    REFERENCES reseller (id) ON DELETE RESTRICT,
    version           BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    CONSTRAINT subscriber_username_unique UNIQUE (username_key)
);

-- COLLATE "C": the same byte order as SQLite's BINARY collation, so sorted pages agree on both databases.
CREATE INDEX subscriber_username ON subscriber (username_key COLLATE "C");
CREATE INDEX subscriber_status ON subscriber (status);
CREATE INDEX subscriber_expires ON subscriber (expires_at);
CREATE INDEX subscriber_owner ON subscriber (owner_reseller_id);
CREATE INDEX subscriber_plan ON subscriber (plan_id);
CREATE INDEX subscriber_updated ON subscriber (updated_at);

-- The allowed networks in the operator's order, as canonical CIDR text.
CREATE TABLE subscriber_network (
    subscriber_id TEXT    NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    cidr          TEXT    NOT NULL,
    PRIMARY KEY (subscriber_id, position)
);

-- Packages granted to the subscriber directly, besides the plan's.
CREATE TABLE subscriber_package (
    subscriber_id TEXT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    package_id    TEXT NOT NULL REFERENCES package (id) ON DELETE RESTRICT,
    PRIMARY KEY (subscriber_id, package_id)
);

CREATE INDEX subscriber_package_package ON subscriber_package (package_id);

-- mac is the normalised AA:BB:CC:DD:EE:FF form; unique where present.
CREATE TABLE device (
    id               TEXT    NOT NULL PRIMARY KEY,
    subscriber_id    TEXT    NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('STB', 'APP')),
    mac              TEXT,
    serial           TEXT,
    model            TEXT,
    firmware_version TEXT,
    last_seen        BIGINT,
    CONSTRAINT device_mac_unique UNIQUE (mac),
    CHECK (mac IS NOT NULL OR serial IS NOT NULL)
);

CREATE INDEX device_subscriber ON device (subscriber_id);
