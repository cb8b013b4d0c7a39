-- Attachments of the delivery module's findings (photos of a defect found at an inspection).
-- SQLite cannot change a CHECK: the table is made again. The contents (the child) are set aside
-- first, so that dropping the old table cascades to nothing, then put back.
CREATE TABLE attachment_contents_keep AS SELECT attachment_id, data FROM attachment_contents;
DROP TABLE attachment_contents;
CREATE TABLE attachments_new (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  owner_type TEXT NOT NULL CONSTRAINT ck_attachments_owner_type CHECK (owner_type IN ('ticket', 'delivery_finding')),
  owner_id BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO attachments_new SELECT id, tenant_id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, created_by,
                                   version, created_at, updated_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX ix_attachments_owner ON attachments (owner_type, owner_id, id);
CREATE TABLE attachment_contents (
  attachment_id BIGINT PRIMARY KEY,
  data TEXT NOT NULL,
  CONSTRAINT fk_attachment_contents_attachment FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE
);
INSERT INTO attachment_contents SELECT attachment_id, data FROM attachment_contents_keep;
DROP TABLE attachment_contents_keep;
