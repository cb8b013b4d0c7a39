-- The error report of an import (issue 13): every rejected row with its problems, as the file had
-- it, for download as CSV or XLSX; the import's answer lists only the first problems. Kept a week.
CREATE TABLE import_error_reports (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  content TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX ix_import_error_reports_created ON import_error_reports (created_at);
