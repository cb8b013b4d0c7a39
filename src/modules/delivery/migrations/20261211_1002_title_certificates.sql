-- 产权办理: a sold unit's property certificate on its way to the owner, one row per unit once the
-- first step is recorded (before it, the unit has not started): the owner's documents collected,
-- the deed tax paid, the application accepted by the registration centre, the certificate issued
-- (with its number), handed to the owner. Steps go in that order, each with its day.
CREATE TABLE title_certificates (
  unit_id BIGINT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('documents', 'tax_paid', 'submitted', 'issued', 'handed_over')),
  documents_on TEXT,
  tax_paid_on TEXT,
  submitted_on TEXT,
  issued_on TEXT,
  handed_over_on TEXT,
  certificate_no TEXT,
  note TEXT NOT NULL DEFAULT '',
  updated_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_title_certificates_unit FOREIGN KEY (unit_id) REFERENCES units (id)
);
CREATE INDEX ix_title_certificates_project ON title_certificates (project_id, stage, unit_id);
