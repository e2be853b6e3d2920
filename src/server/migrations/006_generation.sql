-- The database's generation: a random id that a restore from backup replaces. It is part of every pull cursor, so a
-- device whose cursor comes from another generation pulls everything again instead of skipping changes.
CREATE TABLE generation (
  id TEXT NOT NULL,
  since TEXT NOT NULL
);
INSERT INTO generation (id, since) VALUES (lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
