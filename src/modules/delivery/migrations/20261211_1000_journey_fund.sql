-- 一路同行 fund (the 6+2 journey's seventh step): per company a balance that never goes below zero
-- (spending takes it by a compare-and-set, and the CHECK stands behind it), its ledger (append-only,
-- each entry with the balance after it), and the renovation proposals of owners' meetings that a
-- manager approves (spending the amount in the same transaction) or rejects.
CREATE TABLE journey_funds (
  company_id BIGINT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  balance_cents BIGINT NOT NULL DEFAULT 0 CHECK (balance_cents >= 0),
  inflow_cents BIGINT NOT NULL DEFAULT 0,
  spent_cents BIGINT NOT NULL DEFAULT 0,
  corrected_cents BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_journey_funds_company FOREIGN KEY (company_id) REFERENCES org_units (id)
);
CREATE INDEX ix_journey_funds_tenant ON journey_funds (tenant_id, company_id);

CREATE TABLE fund_proposals (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  meeting_on TEXT NOT NULL,
  owners_present INTEGER NOT NULL DEFAULT 0 CHECK (owners_present >= 0),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
  decision_note TEXT,
  decided_by BIGINT,
  decided_at BIGINT,
  entry_id BIGINT,
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_fund_proposals_project FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX ix_fund_proposals_company ON fund_proposals (company_id, status, id);
CREATE INDEX ix_fund_proposals_tenant ON fund_proposals (tenant_id, id);

CREATE TABLE fund_entries (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  company_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('profit_share', 'owner_contribution', 'spending', 'correction')),
  amount_cents BIGINT NOT NULL CHECK (amount_cents <> 0),
  balance_after_cents BIGINT NOT NULL CHECK (balance_after_cents >= 0),
  on_day TEXT NOT NULL,
  project_id BIGINT,
  proposal_id BIGINT,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_fund_entries_company FOREIGN KEY (company_id) REFERENCES journey_funds (company_id)
);
CREATE INDEX ix_fund_entries_company ON fund_entries (company_id, id);
CREATE INDEX ix_fund_entries_day ON fund_entries (company_id, on_day, id);
