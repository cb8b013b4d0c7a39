-- 交付: batches of units with their gates (T−90 risk check, simulated acceptance, T−30 re-check,
-- site open days), the findings of each inspection, and the handover day's six steps.
CREATE TABLE delivery_batches (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  planned_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'released')),
  released_at BIGINT,
  released_by BIGINT,
  override_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_delivery_batches_project FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX ix_delivery_batches_project ON delivery_batches (tenant_id, project_id, id);
CREATE INDEX ix_delivery_batches_planned ON delivery_batches (tenant_id, planned_on);

-- A unit is delivered in one batch.
CREATE TABLE delivery_batch_units (
  batch_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  PRIMARY KEY (batch_id, unit_id),
  CONSTRAINT fk_delivery_batch_units_batch FOREIGN KEY (batch_id) REFERENCES delivery_batches (id),
  CONSTRAINT fk_delivery_batch_units_unit FOREIGN KEY (unit_id) REFERENCES units (id)
);
CREATE UNIQUE INDEX uq_delivery_batch_units_unit ON delivery_batch_units (unit_id);

CREATE TABLE delivery_inspections (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('risk_check', 'simulated_acceptance', 'recheck')),
  on_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_delivery_inspections_batch FOREIGN KEY (batch_id) REFERENCES delivery_batches (id)
);
CREATE INDEX ix_delivery_inspections_batch ON delivery_inspections (batch_id, id);

CREATE TABLE delivery_findings (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  inspection_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  location TEXT NOT NULL,
  category_id BIGINT,
  category TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL CHECK (severity IN ('blocking', 'major', 'minor')),
  description TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at BIGINT,
  closed_by BIGINT,
  close_note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_delivery_findings_inspection FOREIGN KEY (inspection_id) REFERENCES delivery_inspections (id),
  CONSTRAINT fk_delivery_findings_unit FOREIGN KEY (unit_id) REFERENCES units (id)
);
CREATE INDEX ix_delivery_findings_batch ON delivery_findings (batch_id, status, severity, id);
CREATE INDEX ix_delivery_findings_inspection ON delivery_findings (inspection_id, id);
CREATE INDEX ix_delivery_findings_unit ON delivery_findings (unit_id, id);

-- 工地开放日: held on its day unless the customer centre vetoed it (with the project team's
-- accountability recorded).
CREATE TABLE open_days (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  on_date TEXT NOT NULL,
  decoration TEXT NOT NULL CHECK (decoration IN ('raw', 'finished')),
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'vetoed')),
  veto_reason TEXT,
  vetoed_by BIGINT,
  vetoed_at BIGINT,
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_open_days_project FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX ix_open_days_project ON open_days (project_id, on_date);
CREATE INDEX ix_open_days_tenant ON open_days (tenant_id, id);

CREATE TABLE handovers (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  batch_id BIGINT,
  customer_id BIGINT,
  slot_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'in_progress', 'done', 'cancelled')),
  steps_done INTEGER NOT NULL DEFAULT 0 CHECK (steps_done BETWEEN 0 AND 6),
  delivered_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_handovers_unit FOREIGN KEY (unit_id) REFERENCES units (id)
);
-- One handover of a unit that is not cancelled.
CREATE UNIQUE INDEX uq_handovers_open_unit ON handovers (unit_id) WHERE status <> 'cancelled';
CREATE INDEX ix_handovers_slot ON handovers (tenant_id, slot_at);
CREATE INDEX ix_handovers_batch ON handovers (batch_id, slot_at);

CREATE TABLE handover_steps (
  handover_id BIGINT NOT NULL,
  step TEXT NOT NULL CHECK (step IN ('notice', 'identity', 'fees', 'documents', 'inspection', 'keys')),
  done_at BIGINT NOT NULL,
  done_by BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (handover_id, step),
  CONSTRAINT fk_handover_steps_handover FOREIGN KEY (handover_id) REFERENCES handovers (id)
);

-- Defects found at the inspection with the owner: repair tickets, re-inspected (复验) through the ticket.
CREATE TABLE handover_tickets (
  handover_id BIGINT NOT NULL,
  ticket_id BIGINT NOT NULL,
  PRIMARY KEY (handover_id, ticket_id),
  CONSTRAINT fk_handover_tickets_handover FOREIGN KEY (handover_id) REFERENCES handovers (id)
);

-- 不利因素公示 (the journey's first step, 温馨牵手): the adverse factors of a project (a planned
-- refuse station, a promised school not yet funded…), published before selling; each buyer
-- acknowledges the list before the contract.
CREATE TABLE adverse_factors (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_adverse_factors_project FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX ix_adverse_factors_project ON adverse_factors (project_id, status, id);

-- A buyer's acknowledgement of every factor published when it was signed.
CREATE TABLE disclosure_acks (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  factor_ids TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('paper', 'onsite', 'online')),
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_disclosure_acks_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_disclosure_acks_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_disclosure_acks_customer ON disclosure_acks (project_id, customer_id, id);
