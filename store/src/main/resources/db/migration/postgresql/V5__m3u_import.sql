-- M3U imports on PostgreSQL: which channel each entry of an import source became, and what the import last wanted of
-- it (the base of the three-way merge with the operator's edits on re-import). Must stay equivalent to
-- ../sqlite/V5__m3u_import.sql.

CREATE TABLE m3u_import_source (
    source      TEXT   NOT NULL PRIMARY KEY,
    location    TEXT   NOT NULL,
    header      TEXT   NOT NULL,
    entries     BIGINT NOT NULL,
    imported_at BIGINT NOT NULL
);

-- One row per channel an import source created. entry_key is the SHA-256 (hex) of the entry's stable keys
-- (tvg-id, URL, normalised name), a fixed size whatever the URL's length; entries may share one, so it is indexed,
-- not unique. entry is the entry's M3U text with every attribute. The applied_* columns are the channel as the
-- import wants it; categories and sources are newline-separated (neither an id nor a URI can hold a newline).
CREATE TABLE m3u_import_link (
    source               TEXT    NOT NULL,
    channel_id           TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    entry_key            TEXT    NOT NULL,
    entry                TEXT    NOT NULL,
    position             INTEGER NOT NULL,
    line                 BIGINT  NOT NULL,
    present              BOOLEAN NOT NULL,
    applied_number       INTEGER NOT NULL,
    applied_name         TEXT    NOT NULL,
    applied_logo         TEXT,
    applied_epg_id       TEXT,
    applied_category_ids TEXT    NOT NULL,
    applied_sources      TEXT    NOT NULL,
    applied_archive_days INTEGER NOT NULL,
    applied_radio        BOOLEAN NOT NULL,
    applied_enabled      BOOLEAN NOT NULL,
    PRIMARY KEY (source, channel_id)
);

CREATE INDEX m3u_import_link_key ON m3u_import_link (source, entry_key);
CREATE INDEX m3u_import_link_channel ON m3u_import_link (channel_id);
