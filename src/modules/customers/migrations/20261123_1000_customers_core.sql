-- Customer 360: customers, their phones (unique per group, for de-duplication), the timeline.
CREATE TABLE customers (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  phones TEXT NOT NULL DEFAULT '',
  id_type TEXT,
  id_number TEXT,
  gender TEXT NOT NULL DEFAULT 'unknown',
  birth_date TEXT,
  marital_status TEXT,
  children_birth_years TEXT NOT NULL DEFAULT '',
  elders INTEGER,
  income_level TEXT,
  email TEXT,
  address TEXT,
  city TEXT,
  occupation TEXT,
  source_channel TEXT,
  tags TEXT NOT NULL DEFAULT '',
  consent_marketing BOOLEAN NOT NULL DEFAULT FALSE,
  consent_changed_at BIGINT,
  merged_into BIGINT,
  anonymized_at BIGINT,
  search_terms TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_customers_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id),
  CONSTRAINT ck_customers_gender CHECK (gender IN ('male', 'female', 'unknown')),
  CONSTRAINT ck_customers_id_type CHECK (id_type IS NULL OR id_type IN ('resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'))
);
CREATE UNIQUE INDEX uq_customers_id_number ON customers (tenant_id, id_number);
CREATE INDEX ix_customers_tenant_id ON customers (tenant_id, id);
CREATE INDEX ix_customers_org_unit ON customers (org_unit_id, id);

CREATE TABLE customer_phones (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  phone TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT 'mobile',
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_customer_phones_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE UNIQUE INDEX uq_customer_phones_phone ON customer_phones (tenant_id, phone);
CREATE INDEX ix_customer_phones_customer ON customer_phones (customer_id);

-- Every touch with a customer, written by every module; read newest first per customer.
CREATE TABLE timeline_events (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  ref_type TEXT,
  ref_id BIGINT,
  summary TEXT NOT NULL,
  actor_id BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_timeline_events_customer_at ON timeline_events (customer_id, at, id);
CREATE INDEX ix_timeline_events_customer_kind_at ON timeline_events (customer_id, kind, at, id);
