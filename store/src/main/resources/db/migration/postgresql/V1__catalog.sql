-- The catalogue on PostgreSQL. Times are epoch milliseconds (UTC) as on SQLite, so that both dialects map rows the
-- same way; booleans are real BOOLEANs (the JDBC driver binds Java booleans to both).
-- Must stay equivalent to ../sqlite/V1__catalog.sql: the repositories run the same SQL on both.

CREATE TABLE category (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('LIVE', 'RADIO', 'VOD', 'SERIES')),
    sort_order INTEGER NOT NULL,
    parent_id  TEXT    REFERENCES category (id) ON DELETE RESTRICT
);

CREATE INDEX category_parent ON category (parent_id);

CREATE TABLE channel (
    id             TEXT    NOT NULL PRIMARY KEY,
    number         INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    logo           TEXT,
    epg_channel_id TEXT,
    archive_days   INTEGER NOT NULL,
    radio          BOOLEAN NOT NULL,
    enabled        BOOLEAN NOT NULL,
    version        BIGINT  NOT NULL,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    CONSTRAINT channel_number_unique UNIQUE (number)
);

-- COLLATE "C": the same byte order as SQLite's BINARY collation, so sorted pages agree on both databases.
CREATE INDEX channel_name ON channel (name COLLATE "C");
CREATE INDEX channel_updated ON channel (updated_at);

CREATE TABLE channel_category (
    channel_id  TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    category_id TEXT    NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, category_id)
);

CREATE INDEX channel_category_category ON channel_category (category_id);

CREATE TABLE channel_source (
    channel_id TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    uri        TEXT    NOT NULL,
    PRIMARY KEY (channel_id, position)
);

CREATE TABLE package (
    id   TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE package_channel (
    package_id TEXT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    PRIMARY KEY (package_id, channel_id)
);

CREATE INDEX package_channel_channel ON package_channel (channel_id);
