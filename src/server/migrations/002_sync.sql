-- Sync: records with per-record and per-path revisions, the global change sequence, the applied-op log
-- (exactly-once by op id, and the audit trail), and the index of photo blobs kept on disk.
-- Times are ISO-8601 UTC strings; data and results are JSON text.

-- The change sequence: every applied op (and every seeded record) takes the next number; AUTOINCREMENT never reuses one.
CREATE TABLE changes (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  id     TEXT NOT NULL,
  rev    INTEGER NOT NULL,
  op_id  TEXT,                                 -- null for changes that no op made (e.g. a visibility change)
  at     TEXT NOT NULL
);

-- The current state of every record; `seq` is its latest change, so a pull is one range scan over records_seq.
CREATE TABLE records (
  entity     TEXT NOT NULL,
  id         TEXT NOT NULL,
  rev        INTEGER NOT NULL CHECK (rev >= 1),
  data       TEXT NOT NULL,                    -- JSON object, parsed by the entity's schema before every write
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,                    -- user id
  seq        INTEGER NOT NULL,
  PRIMARY KEY (entity, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX records_seq ON records (seq);

-- The last write of each path of each record: the conflict rule asks who wrote a path after an op's base revision.
CREATE TABLE path_writes (
  entity    TEXT NOT NULL,
  id        TEXT NOT NULL,
  path      TEXT NOT NULL,                     -- `field` or `field.key`
  rev       INTEGER NOT NULL,
  client_id TEXT,                              -- the installation that wrote it; null for seeded data
  user_id   TEXT NOT NULL,
  at        TEXT NOT NULL,
  PRIMARY KEY (entity, id, path)
) WITHOUT ROWID;

-- Every op the server decided (applied, conflict, rejected), once per op id: resends get the stored result back.
CREATE TABLE applied_ops (
  op_id     TEXT PRIMARY KEY,
  client_id TEXT,
  user_id   TEXT NOT NULL,
  entity    TEXT NOT NULL,
  id        TEXT NOT NULL,
  base_rev  INTEGER,
  op        TEXT NOT NULL,                     -- the op as received (JSON): what was asked
  status    TEXT NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
  rev       INTEGER,                           -- the record's revision after this op (null when rejected)
  result    TEXT NOT NULL,                     -- the result sent back (JSON)
  at        TEXT NOT NULL
);
CREATE INDEX applied_ops_record ON applied_ops (entity, id, at);
CREATE INDEX applied_ops_user ON applied_ops (user_id, at);

-- Photo blobs stored at <data dir>/blobs/<sha256>; a row is written only after the file is safely on disk.
CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) WITHOUT ROWID;
