-- Imports run in the background (POST /api/v1/imports/customers with Prefer: respond-async):
-- one row per import with its progress and, at the end, its report or error. Stored, not kept
-- in memory, so any server behind the load balancer can answer GET /api/v1/imports/{id}.
CREATE TABLE import_jobs (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  dry_run BOOLEAN NOT NULL,
  format TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  rows_done BIGINT NOT NULL DEFAULT 0,
  rows_total BIGINT,
  result TEXT,
  error TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX ix_import_jobs_user ON import_jobs (tenant_id, user_id, id);
