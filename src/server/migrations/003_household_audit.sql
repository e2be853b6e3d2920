-- Household privacy: the access log of household data (append-only), the units each person sits for (what a consent
-- can grant them), and what lets a pull notice that a consent ran out. Times are ISO-8601 UTC strings.

-- Every read and write of household data: who, what, when, through which door. (Refused writes wrote nothing; they
-- are in the sync op log, applied_ops, with their reason.)
CREATE TABLE household_audit (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('read', 'write')),
  via          TEXT NOT NULL CHECK (via IN ('pull', 'push', 'api')),
  subject_type TEXT NOT NULL CHECK (subject_type IN ('household', 'plan')),  -- whose data it is
  subject_id   TEXT NOT NULL,
  entity       TEXT NOT NULL,                  -- the record touched: the household itself, a visit, a task, …
  record_id    TEXT NOT NULL,
  fields       TEXT NOT NULL                   -- JSON array of the fields read or written
);
CREATE INDEX household_audit_subject ON household_audit (subject_type, subject_id, seq);
CREATE INDEX household_audit_user ON household_audit (user_id, at);

-- The log is evidence: nobody, the application included, changes or removes a line of it.
CREATE TRIGGER household_audit_no_update BEFORE UPDATE ON household_audit
BEGIN SELECT RAISE(ABORT, 'household_audit is append-only'); END;
CREATE TRIGGER household_audit_no_delete BEFORE DELETE ON household_audit
BEGIN SELECT RAISE(ABORT, 'household_audit is append-only'); END;

-- The units a person works for; a household's consent names units, so this decides what the intake team sees.
CREATE TABLE user_units (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  unit    TEXT NOT NULL,
  PRIMARY KEY (user_id, unit)
) WITHOUT ROWID;

-- Consents whose expiry a pull has already turned into a change; a new expiry date makes the household due again.
CREATE TABLE consent_expiry_handled (
  household_id TEXT PRIMARY KEY,
  expires_at   TEXT NOT NULL
) WITHOUT ROWID;

-- Finds the visits, tasks and checklists of a household (or plan) fast when its consent or counsellors change.
CREATE INDEX records_household ON records (json_extract(data, '$.householdId')) WHERE entity IN ('visit', 'task', 'inspection');
CREATE INDEX records_plan ON records (json_extract(data, '$.planId')) WHERE entity = 'inspection';
