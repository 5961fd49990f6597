-- Optimistic versions for the catalogue values that had none (categories, packages, plans, devices), like channels:
-- every update names the version it was based on and bumps it, so a write by another process (the CLI beside the
-- admin API) can no longer be lost between a read and a write. Existing rows start at version 1.
-- Must stay equivalent to ../postgresql/V7__versions.sql.

ALTER TABLE category ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE package ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE plan ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE device ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
