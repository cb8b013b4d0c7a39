-- Service centre (客户服务中心): tickets, their history, the category tree, routing rules, SLA
-- policies and the business calendar they run on.
CREATE TABLE ticket_categories (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  parent_id BIGINT,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_ticket_categories_parent FOREIGN KEY (parent_id) REFERENCES ticket_categories (id)
);
CREATE UNIQUE INDEX uq_ticket_categories_name ON ticket_categories (tenant_id, parent_id, name);

CREATE TABLE tickets (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inquiry', 'complaint', 'repair', 'suggestion', 'praise')),
  channel TEXT NOT NULL,
  grade TEXT NOT NULL CHECK (grade IN ('general', 'important', 'hot', 'major')),
  status TEXT NOT NULL,
  customer_id BIGINT NOT NULL,
  unit_id BIGINT,
  project_id BIGINT,
  category_id BIGINT,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL,
  assignee_id BIGINT,
  routing_rule_id BIGINT,
  resolution TEXT,
  responsibility TEXT,
  satisfaction INTEGER,
  response_due_at BIGINT NOT NULL,
  resolve_due_at BIGINT NOT NULL,
  responded_at BIGINT,
  resolved_at BIGINT,
  closed_at BIGINT,
  paused_at BIGINT,
  escalation_level INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT fk_tickets_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_tickets_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_tickets_category FOREIGN KEY (category_id) REFERENCES ticket_categories (id),
  CONSTRAINT fk_tickets_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id)
);
-- Queues: by status, by department and status, newest first; a customer's and a project's tickets.
CREATE INDEX ix_tickets_status ON tickets (tenant_id, status, id);
CREATE INDEX ix_tickets_department ON tickets (tenant_id, department, status, id);
CREATE INDEX ix_tickets_customer ON tickets (customer_id, id);
CREATE INDEX ix_tickets_project ON tickets (project_id, id);
CREATE INDEX ix_tickets_unit ON tickets (unit_id, id);
CREATE INDEX ix_tickets_resolve_due ON tickets (tenant_id, resolve_due_at);

CREATE TABLE ticket_events (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  ticket_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor_id BIGINT,
  detail TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_ticket_events_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);
CREATE INDEX ix_ticket_events_ticket ON ticket_events (ticket_id, id);

-- First matching rule by position wins; an empty condition matches anything.
CREATE TABLE routing_rules (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT,
  category_id BIGINT,
  grade TEXT,
  project_id BIGINT,
  unit_status TEXT,
  department TEXT NOT NULL,
  org_unit_id BIGINT,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_routing_rules_tenant ON routing_rules (tenant_id, position, id);

-- Deadlines in minutes of working time; the most specific matching policy wins.
CREATE TABLE sla_policies (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT,
  grade TEXT,
  category_id BIGINT,
  response_minutes INTEGER NOT NULL CHECK (response_minutes > 0),
  resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > 0),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_sla_policies_tenant ON sla_policies (tenant_id, id);

-- Working hours per region and the exceptions to Monday–Friday (holidays, make-up working days).
CREATE TABLE business_calendars (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  region TEXT NOT NULL,
  day_start_min INTEGER NOT NULL,
  day_end_min INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX uq_business_calendars_region ON business_calendars (tenant_id, region);
CREATE TABLE calendar_days (
  id BIGSERIAL PRIMARY KEY,
  calendar_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  working BOOLEAN NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_calendar_days_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id)
);
CREATE UNIQUE INDEX uq_calendar_days_day ON calendar_days (calendar_id, day);
