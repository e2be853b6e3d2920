-- Account changes: who created an account, changed its name, roles, units or status, or set a new password, and when.
-- Times are ISO-8601 UTC strings. Passwords and their hashes are never written here.

CREATE TABLE account_audit (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  at       TEXT NOT NULL,
  actor_id TEXT,                               -- the administrator who made the change; null: the command line
  user_id  TEXT NOT NULL,                      -- the account changed
  action   TEXT NOT NULL CHECK (action IN ('create', 'update', 'password')),
  changes  TEXT NOT NULL                       -- JSON object: field → {from, to}; {} for a new password
);
CREATE INDEX account_audit_user ON account_audit (user_id, seq);

-- The log is evidence: nobody, the application included, changes or removes a line of it.
CREATE TRIGGER account_audit_no_update BEFORE UPDATE ON account_audit
BEGIN SELECT RAISE(ABORT, 'account_audit is append-only'); END;
CREATE TRIGGER account_audit_no_delete BEFORE DELETE ON account_audit
BEGIN SELECT RAISE(ABORT, 'account_audit is append-only'); END;
