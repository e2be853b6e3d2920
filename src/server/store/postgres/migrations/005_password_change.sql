-- A password set by an administrator is temporary: the person must choose their own at the next log-in.
-- Accounts made before this migration (and from the command line) are not marked.

ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
