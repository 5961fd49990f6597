-- The programme guide on SQLite. Must stay equivalent to ../postgresql/V4__epg.sql.
-- Each import of a source writes a new generation (guide_generation); guide_source.current_generation names the one
-- readers see, so an import becomes visible in one small UPDATE and a failed one never does. Programme and channel
-- rows carry no foreign keys: generations are written and deleted in batches of short transactions, not cascaded.

CREATE TABLE guide_source (
    id                  TEXT    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL,
    location            TEXT    NOT NULL,
    time_shift_ms       INTEGER NOT NULL,
    priority            INTEGER NOT NULL,
    refresh_ms          INTEGER NOT NULL,
    enabled             INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    current_generation  INTEGER,
    -- the last import, successful or not: NULL before the first
    last_finished_at    INTEGER,
    last_error          TEXT,
    last_channels       INTEGER,
    last_programmes     INTEGER,
    last_unmatched      INTEGER,
    last_took_ms        INTEGER,
    version             INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE TABLE guide_generation (
    id             INTEGER PRIMARY KEY,
    source_id      TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('LOADING', 'CURRENT', 'RETIRED')),
    started_at     INTEGER NOT NULL,
    -- the longest programme: bounds the index scan of "programmes that overlap [from, to)"
    max_length_ms  INTEGER NOT NULL
) STRICT;

CREATE INDEX guide_generation_source ON guide_generation (source_id, state);

-- An XMLTV channel of a generation. first_start/last_stop: the span its programmes cover (NULL: none).
CREATE TABLE guide_channel (
    generation_id  INTEGER NOT NULL,
    xmltv_id       TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    declared       INTEGER NOT NULL CHECK (declared IN (0, 1)),
    first_start    INTEGER,
    last_stop      INTEGER,
    details        BLOB    NOT NULL,
    PRIMARY KEY (generation_id, xmltv_id)
) STRICT, WITHOUT ROWID;

-- Which catalogue channel an XMLTV channel of a generation feeds; no foreign key to channel, so that deleting a
-- channel never waits for guide rows (a link to a deleted channel is simply never asked for).
CREATE TABLE guide_channel_link (
    channel_id     TEXT    NOT NULL,
    generation_id  INTEGER NOT NULL,
    xmltv_id       TEXT    NOT NULL,
    matched_by     TEXT    NOT NULL CHECK (matched_by IN ('ID', 'NAME')),
    PRIMARY KEY (channel_id, generation_id, xmltv_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX guide_channel_link_generation ON guide_channel_link (generation_id);

-- One programme. Clustered by (generation, channel, start): a channel's time range is one contiguous index range.
-- stop_ms is final (ProgrammeTimeline); open_end remembers that the guide gave none. details: the rest of the
-- programme (titles in every language, credits, icons, ratings ...) in ProgrammeCodec's binary form.
CREATE TABLE guide_programme (
    generation_id  INTEGER NOT NULL,
    xmltv_id       TEXT    NOT NULL,
    start_ms       INTEGER NOT NULL,
    stop_ms        INTEGER NOT NULL,
    open_end       INTEGER NOT NULL CHECK (open_end IN (0, 1)),
    title          TEXT,
    lang           TEXT,
    description    TEXT,
    catchup_id     TEXT,
    details        BLOB    NOT NULL,
    PRIMARY KEY (generation_id, xmltv_id, start_ms)
) STRICT, WITHOUT ROWID;
