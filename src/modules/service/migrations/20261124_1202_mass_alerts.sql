-- Mass-complaint warning (群诉预警): many tickets of one category in one building or project within
-- a window raise an alert with a proposed grade; the tickets it covers are linked to it.
CREATE TABLE service_settings (
  tenant_id BIGINT PRIMARY KEY,
  mass_threshold INTEGER NOT NULL DEFAULT 5 CHECK (mass_threshold >= 2),
  mass_window_hours INTEGER NOT NULL DEFAULT 168 CHECK (mass_window_hours >= 1),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE mass_alerts (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  building TEXT,
  category_id BIGINT NOT NULL,
  ticket_count INTEGER NOT NULL,
  proposed_grade TEXT NOT NULL CHECK (proposed_grade IN ('hot', 'major')),
  status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_mass_alerts_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_mass_alerts_category FOREIGN KEY (category_id) REFERENCES ticket_categories (id)
);
CREATE INDEX ix_mass_alerts_status ON mass_alerts (tenant_id, status, id);
CREATE INDEX ix_mass_alerts_scope ON mass_alerts (project_id, category_id, status);
CREATE TABLE mass_alert_tickets (
  alert_id BIGINT NOT NULL,
  ticket_id BIGINT NOT NULL,
  CONSTRAINT fk_mass_alert_tickets_alert FOREIGN KEY (alert_id) REFERENCES mass_alerts (id),
  CONSTRAINT fk_mass_alert_tickets_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);
CREATE UNIQUE INDEX uq_mass_alert_tickets ON mass_alert_tickets (alert_id, ticket_id);
-- Reports read a period's tickets by creation time.
CREATE INDEX ix_tickets_created ON tickets (tenant_id, created_at);
CREATE INDEX ix_tickets_project_created ON tickets (project_id, created_at);
