-- M3U imports on SQLite: which channel each entry of an import source became, and what the import last wanted of
-- it (the base of the three-way merge with the operator's edits on re-import). Must stay equivalent to
-- ../postgresql/V5__m3u_import.sql.

CREATE TABLE m3u_import_source (
    source      TEXT    NOT NULL PRIMARY KEY,
    location    TEXT    NOT NULL,
    header      TEXT    NOT NULL,
    entries     INTEGER NOT NULL,
    imported_at INTEGER NOT NULL
) STRICT;

-- One row per channel an import source created. entry_key is the SHA-256 (hex) of the entry's stable keys
-- (tvg-id, URL, normalised name); entries may share one, so it is indexed, not unique. entry is the entry's M3U text
-- with every attribute. The applied_* columns are the channel as the import wants it; categories and sources are
-- newline-separated (neither an id nor a URI can hold a newline).
CREATE TABLE m3u_import_link (
    source               TEXT    NOT NULL,
    channel_id           TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    entry_key            TEXT    NOT NULL,
    entry                TEXT    NOT NULL,
    position             INTEGER NOT NULL,
    line                 INTEGER NOT NULL,
    present              INTEGER NOT NULL CHECK (present IN (0, 1)),
    applied_number       INTEGER NOT NULL,
    applied_name         TEXT    NOT NULL,
    applied_logo         TEXT,
    applied_epg_id       TEXT,
    applied_category_ids TEXT    NOT NULL,
    applied_sources      TEXT    NOT NULL,
    applied_archive_days INTEGER NOT NULL,
    applied_radio        INTEGER NOT NULL CHECK (applied_radio IN (0, 1)),
    applied_enabled      INTEGER NOT NULL CHECK (applied_enabled IN (0, 1)),
    PRIMARY KEY (source, channel_id)
) STRICT;

CREATE INDEX m3u_import_link_key ON m3u_import_link (source, entry_key);
CREATE INDEX m3u_import_link_channel ON m3u_import_link (channel_id);
