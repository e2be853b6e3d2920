-- The database's generation: a random id that a restore from backup replaces. It is part of every pull cursor, so a
-- device whose cursor comes from another generation pulls everything again instead of skipping changes.
CREATE TABLE generation (
  id    text NOT NULL,
  since text NOT NULL
);
INSERT INTO generation (id, since)
VALUES (replace(gen_random_uuid()::text, '-', ''), to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
