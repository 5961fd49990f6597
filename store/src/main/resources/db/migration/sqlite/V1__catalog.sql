-- The catalogue on SQLite. STRICT tables enforce the declared types (SQLite is loosely typed otherwise);
-- booleans are 0/1 INTEGERs with a CHECK, times are epoch milliseconds (UTC).
-- Must stay equivalent to ../postgresql/V1__catalog.sql: the repositories run the same SQL on both.

CREATE TABLE category (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('LIVE', 'RADIO', 'VOD', 'SERIES')),
    sort_order INTEGER NOT NULL,
    parent_id  TEXT    REFERENCES category (id) ON DELETE RESTRICT
) STRICT;

CREATE INDEX category_parent ON category (parent_id);

CREATE TABLE channel (
    id             TEXT    NOT NULL PRIMARY KEY,
    number         INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    logo           TEXT,
    epg_channel_id TEXT,
    archive_days   INTEGER NOT NULL,
    radio          INTEGER NOT NULL CHECK (radio IN (0, 1)),
    enabled        INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    version        INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CONSTRAINT channel_number_unique UNIQUE (number)
) STRICT;

CREATE INDEX channel_name ON channel (name);
CREATE INDEX channel_updated ON channel (updated_at);

-- The channel's categories, in display order.
CREATE TABLE channel_category (
    channel_id  TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    category_id TEXT    NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, category_id)
) STRICT;

CREATE INDEX channel_category_category ON channel_category (category_id);

-- The channel's sources, in failover order.
CREATE TABLE channel_source (
    channel_id TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    uri        TEXT    NOT NULL,
    PRIMARY KEY (channel_id, position)
) STRICT;

CREATE TABLE package (
    id   TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
) STRICT;

CREATE TABLE package_channel (
    package_id TEXT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    PRIMARY KEY (package_id, channel_id)
) STRICT;

CREATE INDEX package_channel_channel ON package_channel (channel_id);
