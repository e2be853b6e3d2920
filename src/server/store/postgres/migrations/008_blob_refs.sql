-- Who may read a photo: the records that point to it and the people who sent its bytes. The PostgreSQL form of
-- src/server/migrations/008_blob_refs.sql (docs/decisions/022-photo-reads-checked-against-records.md).

-- Every live record's photo references (a reference's own hash and, for a marked-up copy, the original's), kept by
-- the store whenever a record is written; a deleted record has none.
CREATE TABLE blob_refs (
  sha256 text NOT NULL,
  entity text NOT NULL,
  id     text NOT NULL,
  PRIMARY KEY (sha256, entity, id)
);
CREATE INDEX blob_refs_record ON blob_refs (entity, id);

-- Everyone who sent a photo's bytes: the first uploader (who pays for it in their quota) and anyone who sent the
-- same bytes after.
CREATE TABLE blob_uploads (
  sha256  text NOT NULL,
  user_id text NOT NULL,
  at      text NOT NULL,                       -- the first time this person sent it
  PRIMARY KEY (sha256, user_id)
);

-- The records and photos already stored: any `sha256` or `markupOf` in a record's data that is a SHA-256 in
-- lowercase hex (the store keeps it exact from here on; reads are judged on the record as the person sees it).
INSERT INTO blob_refs (sha256, entity, id)
SELECT DISTINCT h.sha, r.entity, r.id
FROM records r
CROSS JOIN LATERAL jsonb_path_query(r.data, 'strict $.**') AS o(v)
CROSS JOIN LATERAL (VALUES ('sha256'), ('markupOf')) AS k(name)
CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(o.v) = 'object' THEN o.v ->> k.name END AS sha) AS h
WHERE NOT r.deleted AND h.sha ~ '^[0-9a-f]{64}$'
ON CONFLICT DO NOTHING;

INSERT INTO blob_uploads (sha256, user_id, at) SELECT sha256, created_by, created_at FROM blobs ON CONFLICT DO NOTHING;
