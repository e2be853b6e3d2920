-- Who may read a photo (docs/decisions/022-photo-reads-checked-against-records.md): the records that point to it and
-- the people who sent its bytes. A photo is served to a person who sent it, or who sees it in their own view of a
-- record that points to it; the GET looks both up by the photo's hash instead of reading every record.

-- Every live record's photo references (a reference's own hash and, for a marked-up copy, the original's), kept by
-- the store whenever a record is written; a deleted record has none.
CREATE TABLE blob_refs (
  sha256 TEXT NOT NULL,
  entity TEXT NOT NULL,
  id     TEXT NOT NULL,
  PRIMARY KEY (sha256, entity, id)
) WITHOUT ROWID;
CREATE INDEX blob_refs_record ON blob_refs (entity, id);

-- Everyone who sent a photo's bytes: the first uploader (who pays for it in their quota) and anyone who sent the
-- same bytes after.
CREATE TABLE blob_uploads (
  sha256  TEXT NOT NULL,
  user_id TEXT NOT NULL,
  at      TEXT NOT NULL,                       -- the first time this person sent it
  PRIMARY KEY (sha256, user_id)
) WITHOUT ROWID;

-- The records and photos already stored: any `sha256` or `markupOf` in a record's data that is a SHA-256 in
-- lowercase hex (the store keeps it exact from here on; reads are judged on the record as the person sees it).
INSERT OR IGNORE INTO blob_refs (sha256, entity, id)
SELECT t.value, r.entity, r.id FROM records r, json_tree(r.data) t
WHERE r.deleted = 0 AND t.key IN ('sha256', 'markupOf') AND t.type = 'text'
  AND length(t.value) = 64 AND t.value NOT GLOB '*[^0-9a-f]*';

INSERT OR IGNORE INTO blob_uploads (sha256, user_id, at) SELECT sha256, created_by, created_at FROM blobs;
