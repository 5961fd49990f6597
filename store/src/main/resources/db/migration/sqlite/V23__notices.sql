-- E-mail notices already sent (a receipt per invoice, a reminder per period end, an expiry notice per period end), so
-- that a restart or a second node never sends one twice. Must stay equivalent to ../postgresql/V23__notices.sql.

CREATE TABLE notice_sent (
    subscriber_id TEXT NOT NULL,
    kind          TEXT NOT NULL,
    subject_key   TEXT NOT NULL,
    sent_at       INTEGER NOT NULL,
    PRIMARY KEY (subscriber_id, kind, subject_key)
);
