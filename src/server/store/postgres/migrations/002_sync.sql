-- Sync: records with per-record and per-path revisions, the change feed, the applied-op log (exactly-once by op id,
-- and the audit trail), and the index of photo blobs. The PostgreSQL form of src/server/migrations/002_sync.sql.

-- The change feed's counter (docs/decisions/010-postgres-change-feed.md). Every transaction that writes to a feed
-- takes its numbers from this row first (UPDATE … RETURNING), so it holds the row's lock until it commits: numbers are
-- handed out in commit order and a reader that has seen number n can never later find a committed change below n.
-- A plain sequence would hand out 12 to a transaction that commits before the one holding 11.
CREATE TABLE feed_counters (
  feed  text PRIMARY KEY,
  value bigint NOT NULL CHECK (value >= 0)
);
INSERT INTO feed_counters (feed, value) VALUES ('changes', 0);

-- The change feed: every applied op (and every seeded record) takes the next number from feed_counters.
CREATE TABLE changes (
  seq    bigint PRIMARY KEY,
  entity text NOT NULL,
  id     text NOT NULL,
  rev    integer NOT NULL,
  op_id  text,                                 -- null for changes that no op made (e.g. a visibility change)
  at     text NOT NULL
);

-- The current state of every record; `seq` is its latest change, so a pull is one range scan over records_seq.
CREATE TABLE records (
  entity     text NOT NULL,
  id         text NOT NULL,
  rev        integer NOT NULL CHECK (rev >= 1),
  data       jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),  -- parsed by the entity's schema before every write
  deleted    boolean NOT NULL DEFAULT false,
  updated_at text NOT NULL,
  updated_by text NOT NULL,                    -- user id
  seq        bigint NOT NULL,
  PRIMARY KEY (entity, id)
);
CREATE UNIQUE INDEX records_seq ON records (seq);

-- The last write of each path of each record: the conflict rule asks who wrote a path after an op's base revision.
CREATE TABLE path_writes (
  entity    text NOT NULL,
  id        text NOT NULL,
  path      text NOT NULL,                     -- `field` or `field.key`
  rev       integer NOT NULL,
  client_id text,                              -- the installation that wrote it; null for seeded data
  user_id   text NOT NULL,
  at        text NOT NULL,
  PRIMARY KEY (entity, id, path)
);

-- Every op the server decided (applied, conflict, rejected), once per op id: resends get the stored result back.
CREATE TABLE applied_ops (
  op_id     text PRIMARY KEY,
  client_id text,
  user_id   text NOT NULL,
  entity    text NOT NULL,
  id        text NOT NULL,
  base_rev  integer,
  op        jsonb NOT NULL,                    -- the op as received: what was asked
  status    text NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
  rev       integer,                           -- the record's revision after this op (null when rejected)
  result    jsonb NOT NULL,                    -- the result sent back
  at        text NOT NULL
);
CREATE INDEX applied_ops_record ON applied_ops (entity, id, at);
CREATE INDEX applied_ops_user ON applied_ops (user_id, at);

-- Photo blobs stored in the blob store by their SHA-256; a row is written only after the blob is safely stored.
CREATE TABLE blobs (
  sha256     text PRIMARY KEY,
  mime       text NOT NULL,
  size       bigint NOT NULL,
  created_at text NOT NULL,
  created_by text NOT NULL
);
