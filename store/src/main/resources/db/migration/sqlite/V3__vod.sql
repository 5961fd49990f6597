-- Films, series (seasons, episodes) and their place in packages, on SQLite. STRICT tables, 0/1 booleans, times in
-- epoch milliseconds (UTC), as in V1. Must stay equivalent to ../postgresql/V3__vod.sql.
--
-- The media_* and video_* columns hold a probed MediaInfo; media_container is NULL until the source was probed.
-- media_audio lists the audio tracks as "codec:channels:language" joined by ',' and media_subtitles the subtitle
-- languages joined by ','; the domain allows neither ':' nor ',' in codecs and languages.

CREATE TABLE movie (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    poster            TEXT,
    plot              TEXT,
    cast_list         TEXT,
    director          TEXT,
    genre             TEXT,
    release_year      INTEGER,
    rating            REAL,
    enabled           INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    media_container   TEXT,
    media_duration_ms INTEGER,
    media_bit_rate    INTEGER,
    video_codec       TEXT,
    video_width       INTEGER,
    video_height      INTEGER,
    video_frame_rate  REAL,
    media_audio       TEXT,
    media_subtitles   TEXT,
    version           INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
) STRICT;

CREATE INDEX movie_name ON movie (name);
CREATE INDEX movie_created ON movie (created_at);
CREATE INDEX movie_year ON movie (release_year);

CREATE TABLE movie_category (
    movie_id    TEXT    NOT NULL REFERENCES movie (id) ON DELETE CASCADE,
    category_id TEXT    NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (movie_id, category_id)
) STRICT;

CREATE INDEX movie_category_category ON movie_category (category_id);

CREATE TABLE series (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    poster       TEXT,
    plot         TEXT,
    cast_list    TEXT,
    director     TEXT,
    genre        TEXT,
    release_year INTEGER,
    rating       REAL,
    enabled      INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    version      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX series_name ON series (name);
CREATE INDEX series_created ON series (created_at);
CREATE INDEX series_year ON series (release_year);

CREATE TABLE series_category (
    series_id   TEXT    NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    category_id TEXT    NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (series_id, category_id)
) STRICT;

CREATE INDEX series_category_category ON series_category (category_id);

CREATE TABLE season (
    series_id TEXT    NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    name      TEXT,
    poster    TEXT,
    plot      TEXT,
    PRIMARY KEY (series_id, number)
) STRICT;

CREATE TABLE episode (
    id                TEXT    NOT NULL PRIMARY KEY,
    series_id         TEXT    NOT NULL,
    season_number     INTEGER NOT NULL,
    episode_number    INTEGER NOT NULL,
    title             TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    plot              TEXT,
    media_container   TEXT,
    media_duration_ms INTEGER,
    media_bit_rate    INTEGER,
    video_codec       TEXT,
    video_width       INTEGER,
    video_height      INTEGER,
    video_frame_rate  REAL,
    media_audio       TEXT,
    media_subtitles   TEXT,
    version           INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    FOREIGN KEY (series_id, season_number) REFERENCES season (series_id, number) ON DELETE CASCADE,
    CONSTRAINT episode_number_unique UNIQUE (series_id, season_number, episode_number)
) STRICT;

CREATE TABLE package_movie (
    package_id TEXT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
    movie_id   TEXT NOT NULL REFERENCES movie (id) ON DELETE CASCADE,
    PRIMARY KEY (package_id, movie_id)
) STRICT;

CREATE INDEX package_movie_movie ON package_movie (movie_id);

CREATE TABLE package_series (
    package_id TEXT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
    series_id  TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    PRIMARY KEY (package_id, series_id)
) STRICT;

CREATE INDEX package_series_series ON package_series (series_id);
