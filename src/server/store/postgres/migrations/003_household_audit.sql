-- Household privacy: the access log of household data (append-only), the units each person sits for (what a consent
-- can grant them), and what lets a pull notice that a consent ran out. The PostgreSQL form of
-- src/server/migrations/003_household_audit.sql.

-- Every read and write of household data: who, what, when, through which door. (Refused writes wrote nothing; they
-- are in the sync op log, applied_ops, with their reason.) The log is read newest first by a person, never followed
-- as a feed, so an identity column numbers it.
CREATE TABLE household_audit (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           text NOT NULL,
  user_id      text NOT NULL,
  action       text NOT NULL CHECK (action IN ('read', 'write')),
  via          text NOT NULL CHECK (via IN ('pull', 'push', 'api')),
  subject_type text NOT NULL CHECK (subject_type IN ('household', 'plan')),  -- whose data it is
  subject_id   text NOT NULL,
  entity       text NOT NULL,                  -- the record touched: the household itself, a visit, a task, …
  record_id    text NOT NULL,
  fields       jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array')  -- the fields read or written
);
CREATE INDEX household_audit_subject ON household_audit (subject_type, subject_id, seq);
CREATE INDEX household_audit_user ON household_audit (user_id, at);

-- The log is evidence: nobody, the application included, changes, removes or truncates a line of it.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER household_audit_no_update BEFORE UPDATE ON household_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER household_audit_no_delete BEFORE DELETE ON household_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER household_audit_no_truncate BEFORE TRUNCATE ON household_audit
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- The units a person works for; a household's consent names units, so this decides what the intake team sees.
CREATE TABLE user_units (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  unit    text NOT NULL,
  PRIMARY KEY (user_id, unit)
);

-- Consents whose expiry a pull has already turned into a change; a new expiry date makes the household due again.
CREATE TABLE consent_expiry_handled (
  household_id text PRIMARY KEY,
  expires_at   text NOT NULL
);

-- Finds the visits, tasks and checklists of a household (or plan) fast when its consent or counsellors change.
CREATE INDEX records_household ON records ((data ->> 'householdId')) WHERE entity IN ('visit', 'task', 'inspection');
CREATE INDEX records_plan ON records ((data ->> 'planId')) WHERE entity = 'inspection';
