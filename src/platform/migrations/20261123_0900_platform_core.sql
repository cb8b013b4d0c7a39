-- Platform: org tree, users, sessions, audit log, idempotency keys.
-- Times are BIGINT milliseconds since the epoch, UTC (docs/adr/0004-timestamps.md).
CREATE TABLE org_units (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  parent_id BIGINT,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_org_units_parent FOREIGN KEY (parent_id) REFERENCES org_units (id),
  CONSTRAINT ck_org_units_kind CHECK (kind IN ('group', 'region', 'city', 'project'))
);
CREATE UNIQUE INDEX uq_org_units_parent_name ON org_units (tenant_id, parent_id, name);
CREATE INDEX ix_org_units_tenant_path ON org_units (tenant_id, path);

CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_users_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id)
);
CREATE UNIQUE INDEX uq_users_username ON users (username);
CREATE INDEX ix_users_org_unit ON users (org_unit_id);

CREATE TABLE sessions (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  token_hash TEXT NOT NULL,
  remote_address TEXT,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE UNIQUE INDEX uq_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_username TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT,
  remote_address TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX ix_audit_log_tenant ON audit_log (tenant_id, id);
CREATE INDEX ix_audit_log_entity ON audit_log (tenant_id, entity_type, entity_id, id);
CREATE INDEX ix_audit_log_actor ON audit_log (tenant_id, actor_id, id);

CREATE TABLE idempotency_keys (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  idem_key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  response_body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX uq_idempotency_keys_user_key ON idempotency_keys (user_id, idem_key);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
