-- Whether paying an invoice extends the subscription by a period (a renewal) or not (the prorated difference of a
-- plan change, which only adjusts the current period). Must stay equivalent to ../postgresql/V27__invoice_purpose.sql.

ALTER TABLE invoice ADD COLUMN extends_period INTEGER NOT NULL DEFAULT 1;
