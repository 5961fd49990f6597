-- The double-entry ledger behind every balance, invoices with gap-free numbers, and vouchers.
-- Entries and postings are append-only (triggers refuse UPDATE and DELETE): a mistake is corrected by a reversing
-- entry. A reference names the cause of an entry and is unique, so that a webhook delivered twice books once.
-- ledger_balance keeps each account's running balance (debits positive) so that guards are one conditional UPDATE;
-- `headwater billing check` recomputes it from the postings. Must stay equivalent to ../postgresql/V20__ledger.sql.

CREATE TABLE ledger_entry (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    reference   TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    description TEXT    NOT NULL,
    CONSTRAINT ledger_entry_reference_unique UNIQUE (reference)
);

CREATE TABLE ledger_posting (
    entry_id     INTEGER NOT NULL REFERENCES ledger_entry (id),
    line         INTEGER NOT NULL,
    account      TEXT    NOT NULL,
    account_type TEXT    NOT NULL,
    currency     TEXT    NOT NULL CHECK (length(currency) = 3),
    amount       INTEGER NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (entry_id, line)
);

CREATE INDEX ledger_posting_account ON ledger_posting (account, currency);

CREATE TABLE ledger_balance (
    account      TEXT    NOT NULL,
    currency     TEXT    NOT NULL,
    account_type TEXT    NOT NULL,
    balance      INTEGER NOT NULL,
    PRIMARY KEY (account, currency)
);

CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on ledger_entry refused'); END;
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on ledger_entry refused'); END;
CREATE TRIGGER ledger_posting_no_update BEFORE UPDATE ON ledger_posting
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on ledger_posting refused'); END;
CREATE TRIGGER ledger_posting_no_delete BEFORE DELETE ON ledger_posting
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on ledger_posting refused'); END;

CREATE TABLE document_sequence (
    series TEXT    NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (series, year)
);

CREATE TABLE invoice (
    number        TEXT    NOT NULL PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    subscriber_id TEXT    NOT NULL,
    currency      TEXT    NOT NULL,
    tax_bp        INTEGER NOT NULL,
    net           INTEGER NOT NULL,
    tax           INTEGER NOT NULL,
    total         INTEGER NOT NULL,
    corrects      TEXT    REFERENCES invoice (number),
    issued_at     INTEGER NOT NULL,
    paid_at       INTEGER
);

CREATE INDEX invoice_subscriber ON invoice (subscriber_id, issued_at);

CREATE TABLE invoice_line (
    number      TEXT    NOT NULL REFERENCES invoice (number),
    line        INTEGER NOT NULL,
    description TEXT    NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  INTEGER NOT NULL,
    PRIMARY KEY (number, line)
);

CREATE TABLE voucher (
    code        TEXT    NOT NULL PRIMARY KEY,
    value       INTEGER NOT NULL CHECK (value > 0),
    currency    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER,
    redeemed_by TEXT,
    redeemed_at INTEGER
);
