-- Account changes: who created an account, changed its name, roles, units or status, or set a new password, and when.
-- The PostgreSQL form of src/server/migrations/004_account_audit.sql. Passwords and their hashes are never written here.

CREATE TABLE account_audit (
  seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       text NOT NULL,
  actor_id text,                               -- the administrator who made the change; null: the command line
  user_id  text NOT NULL,                      -- the account changed
  action   text NOT NULL CHECK (action IN ('create', 'update', 'password')),
  changes  jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object')  -- field → {from, to}; {} for a new password
);
CREATE INDEX account_audit_user ON account_audit (user_id, seq);

-- The log is evidence: nobody, the application included, changes, removes or truncates a line of it.
CREATE TRIGGER account_audit_no_update BEFORE UPDATE ON account_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER account_audit_no_delete BEFORE DELETE ON account_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER account_audit_no_truncate BEFORE TRUNCATE ON account_audit
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
