-- Property inventory (房源): projects (楼盘), their units (房号) with status, owners, and history.
CREATE TABLE projects (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  city TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  completion_date TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_projects_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id)
);
CREATE UNIQUE INDEX uq_projects_name ON projects (tenant_id, name);

CREATE TABLE units (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  phase TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL,
  entrance TEXT NOT NULL,
  room TEXT NOT NULL,
  floor INTEGER NOT NULL,
  code TEXT NOT NULL,
  layout TEXT NOT NULL DEFAULT '',
  area_m2 DOUBLE PRECISION NOT NULL,
  list_price_cents BIGINT NOT NULL DEFAULT 0,
  decoration TEXT NOT NULL DEFAULT 'raw',
  status TEXT NOT NULL DEFAULT 'available',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_units_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT ck_units_status CHECK (status IN ('available', 'pledged', 'subscribed', 'contracted', 'delivered')),
  CONSTRAINT ck_units_decoration CHECK (decoration IN ('raw', 'finished')),
  CONSTRAINT ck_units_area CHECK (area_m2 > 0)
);
CREATE UNIQUE INDEX uq_units_project_code ON units (project_id, code);
CREATE INDEX ix_units_project_building ON units (project_id, building, floor);
CREATE INDEX ix_units_tenant_code ON units (tenant_id, code);

CREATE TABLE unit_owners (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  share DOUBLE PRECISION NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_unit_owners_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_unit_owners_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT ck_unit_owners_share CHECK (share > 0 AND share <= 1)
);
CREATE UNIQUE INDEX uq_unit_owners_unit_customer ON unit_owners (unit_id, customer_id);
CREATE INDEX ix_unit_owners_customer ON unit_owners (customer_id);

CREATE TABLE unit_events (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  actor_id BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_unit_events_unit ON unit_events (unit_id, id);
