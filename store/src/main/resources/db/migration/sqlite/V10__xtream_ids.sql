-- The Xtream Codes protocol's integer numbers for our string ids (stream_id, series_id, an episode's id,
-- category_id): allocated on first use, unique across all kinds, stable for ever and never reused. Rows are never
-- deleted, not even with their entity: a player keeps favourites by number, and a number must never come to name
-- something else. AUTOINCREMENT makes SQLite never hand out a number twice.
-- Must stay equivalent to ../postgresql/V10__xtream_ids.sql.

CREATE TABLE xtream_id (
    number    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind      TEXT    NOT NULL CHECK (kind IN ('CHANNEL', 'MOVIE', 'SERIES', 'EPISODE', 'CATEGORY')),
    entity_id TEXT    NOT NULL,
    CONSTRAINT xtream_id_entity_unique UNIQUE (kind, entity_id)
) STRICT;
