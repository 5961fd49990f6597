-- A channel's other renditions: channels carrying the same programme in another quality (news-hd lists news-sd), in
-- the operator's order. A plan capped below the channel's own quality is served the best rendition it admits.
-- Deleting either channel removes the link (like a deleted channel leaves its packages): an M3U re-import that
-- drops a channel must not fail because another channel listed it. A channel never lists itself.
-- Must stay equivalent to ../sqlite/V9__channel_renditions.sql.

CREATE TABLE channel_rendition (
    channel_id   TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    rendition_id TEXT    NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (channel_id, rendition_id),
    CONSTRAINT channel_rendition_not_itself CHECK (rendition_id <> channel_id)
);

CREATE INDEX channel_rendition_rendition ON channel_rendition (rendition_id);
