-- Collections (回款催收): a dunning task per contract with an instalment overdue, raised by stage
-- as the days pass (1: reminder within a week, 2: notice within a month, 3: beyond, to legal),
-- closed when the contract is paid up or cancelled; the contacts made, with promises to pay.
CREATE TABLE dunning_tasks (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  contract_id BIGINT NOT NULL,
  consultant_id BIGINT NOT NULL,
  stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
  overdue_cents BIGINT NOT NULL,
  oldest_due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'promised', 'closed')),
  promised_on TEXT,
  last_contact_at BIGINT,
  closed_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_dunning_tasks_contract FOREIGN KEY (contract_id) REFERENCES contracts (id)
);
CREATE UNIQUE INDEX uq_dunning_tasks_open ON dunning_tasks (contract_id) WHERE status <> 'closed';
CREATE INDEX ix_dunning_tasks_tenant ON dunning_tasks (tenant_id, status, id);
CREATE INDEX ix_dunning_tasks_consultant ON dunning_tasks (consultant_id, status);

CREATE TABLE dunning_notes (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  task_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'sms', 'visit', 'letter', 'other')),
  note TEXT NOT NULL DEFAULT '',
  promised_on TEXT,
  actor_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_dunning_notes_task FOREIGN KEY (task_id) REFERENCES dunning_tasks (id)
);
CREATE INDEX ix_dunning_notes_task ON dunning_notes (task_id, id);

-- The visitor profile reads the leads registered in a period, of one project or the group.
CREATE INDEX ix_leads_project_registered ON leads (project_id, registered_at);
CREATE INDEX ix_leads_tenant_registered ON leads (tenant_id, registered_at);

-- 判客 disputes: a consultant claims a lead another holds; a manager decides, and an upheld claim
-- moves the lead to the claimant with fresh protection. One waits at a time per lead.
CREATE TABLE lead_disputes (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  lead_id BIGINT NOT NULL,
  claimant_id BIGINT NOT NULL,
  holder_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'rejected')),
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_lead_disputes_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE UNIQUE INDEX uq_lead_disputes_pending ON lead_disputes (lead_id) WHERE status = 'pending';
CREATE INDEX ix_lead_disputes_tenant ON lead_disputes (tenant_id, status, id);
