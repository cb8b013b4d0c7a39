-- 客户服务6+2步法: the playbook of touches as data (the group's defaults, company_key 0, and each
-- company's own versions of them, company_key the company's org unit), the tasks made from it for
-- each owner's home when they fall due, and how far each group's tasks are made.
CREATE TABLE journey_touches (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  company_key BIGINT NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 8),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  standard BOOLEAN NOT NULL DEFAULT TRUE,
  trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('contract_signed', 'construction_quarter', 'open_day', 'batch_planned',
                                                     'delivered', 'anniversary', 'four_year')),
  offset_days INTEGER NOT NULL DEFAULT 0,
  team TEXT NOT NULL CHECK (team IN ('customer_relations', 'sales', 'property', 'engineering')),
  active BOOLEAN NOT NULL DEFAULT TRUE,
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX uq_journey_touches_code ON journey_touches (tenant_id, company_key, code);

CREATE TABLE journey_tasks (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  touch_code TEXT NOT NULL,
  step INTEGER NOT NULL,
  standard BOOLEAN NOT NULL,
  team TEXT NOT NULL,
  name TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on TEXT,
  done_at BIGINT,
  done_by BIGINT,
  evidence TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- One task per home, owner, touch and day it falls due: making them again adds nothing.
CREATE UNIQUE INDEX uq_journey_tasks_due ON journey_tasks (unit_id, customer_id, touch_code, due_on);
CREATE INDEX ix_journey_tasks_due ON journey_tasks (tenant_id, status, due_on, id);
CREATE INDEX ix_journey_tasks_company ON journey_tasks (company_id, due_on);
CREATE INDEX ix_journey_tasks_customer ON journey_tasks (customer_id, due_on);

CREATE TABLE journey_runs (
  tenant_id BIGINT PRIMARY KEY,
  made_through TEXT,
  scheduled BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at BIGINT NOT NULL
);
