-- Files attached to records (photos of a defect on a ticket). The bytes live in their own table,
-- base64 in TEXT on both engines, so that listing a record's files never reads them and a
-- database backup holds everything.
CREATE TABLE attachments (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('ticket')),
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
CREATE INDEX ix_attachments_owner ON attachments (owner_type, owner_id, id);

CREATE TABLE attachment_contents (
  attachment_id BIGINT PRIMARY KEY,
  data TEXT NOT NULL,
  CONSTRAINT fk_attachment_contents_attachment FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE
);
