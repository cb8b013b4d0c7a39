-- Sales (销售): the project's attribution rules, leads (判客) with their follow-ups, and the deal
-- chain that moves a unit: pledge (认筹) → subscription (认购) → contract (签约) with its payment
-- plan → payments (回款).

-- Per project: how long a registration protects a lead for its consultant, and how many active
-- leads one consultant may hold. Also the project's pledge queue counter (consecutive from 1).
CREATE TABLE sales_settings (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  call_days INTEGER NOT NULL DEFAULT 15,
  visit_days INTEGER NOT NULL DEFAULT 30,
  follow_up_days INTEGER NOT NULL DEFAULT 30,
  max_active_leads INTEGER NOT NULL DEFAULT 200,
  last_queue_no INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_sales_settings_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT ck_sales_settings_days CHECK (call_days BETWEEN 1 AND 365 AND visit_days BETWEEN 1 AND 365
                                           AND follow_up_days BETWEEN 1 AND 365 AND max_active_leads BETWEEN 1 AND 100000)
);
CREATE UNIQUE INDEX uq_sales_settings_project ON sales_settings (project_id);

-- One lead per customer and project: whoever registered first holds it while its protection runs;
-- once protection lapses the lead is in the shared pool (公客池) until someone claims it.
CREATE TABLE leads (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  consultant_id BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('call', 'visit', 'referral', 'agent', 'online', 'event')),
  intent TEXT NOT NULL CHECK (intent IN ('A', 'B', 'C', 'D')),
  budget_cents BIGINT,
  needs TEXT NOT NULL DEFAULT '',
  age_band TEXT CHECK (age_band IN ('under_25', '25_34', '35_44', '45_54', '55_plus')),
  household TEXT CHECK (household IN ('single', 'couple', 'young_family', 'school_family', 'three_generations', 'empty_nest')),
  need_type TEXT CHECK (need_type IN ('first_home', 'upgrade', 'investment', 'retirement', 'school', 'other')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'won', 'lost')),
  protected_until BIGINT NOT NULL,
  registered_at BIGINT NOT NULL,
  visits INTEGER NOT NULL DEFAULT 0,
  last_follow_up_at BIGINT,
  next_follow_up_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_leads_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_leads_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT ck_leads_budget CHECK (budget_cents IS NULL OR budget_cents >= 0)
);
CREATE UNIQUE INDEX uq_leads_project_customer ON leads (project_id, customer_id);
CREATE INDEX ix_leads_consultant ON leads (consultant_id, status, protected_until);
CREATE INDEX ix_leads_pool ON leads (project_id, status, protected_until);
CREATE INDEX ix_leads_tenant ON leads (tenant_id, id);
CREATE INDEX ix_leads_customer ON leads (customer_id);

CREATE TABLE lead_follow_ups (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  lead_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'wechat', 'sms', 'other')),
  note TEXT NOT NULL DEFAULT '',
  next_at BIGINT,
  actor_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_lead_follow_ups_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_lead_follow_ups_lead ON lead_follow_ups (lead_id, id);

-- 认筹: a pledge takes a queue number of its project; it may name the unit it hopes for.
CREATE TABLE pledges (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  unit_id BIGINT,
  lead_id BIGINT,
  consultant_id BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  queue_no INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'converted', 'refunded')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_pledges_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_pledges_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE UNIQUE INDEX uq_pledges_queue ON pledges (project_id, queue_no);
CREATE INDEX ix_pledges_customer ON pledges (customer_id);

-- 认购: at most one open subscription (active or contracted) per unit, whatever the race.
CREATE TABLE subscriptions (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  lead_id BIGINT,
  pledge_id BIGINT,
  consultant_id BIGINT NOT NULL,
  price_cents BIGINT NOT NULL CHECK (price_cents > 0),
  deposit_cents BIGINT NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'contracted', 'cancelled')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_subscriptions_unit FOREIGN KEY (unit_id) REFERENCES units (id)
);
CREATE UNIQUE INDEX uq_subscriptions_open_unit ON subscriptions (unit_id) WHERE status IN ('active', 'contracted');
CREATE INDEX ix_subscriptions_project ON subscriptions (project_id, id);

CREATE TABLE subscription_buyers (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  subscription_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  share DOUBLE PRECISION NOT NULL CHECK (share > 0 AND share <= 1),
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_subscription_buyers_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id),
  CONSTRAINT fk_subscription_buyers_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE UNIQUE INDEX uq_subscription_buyers ON subscription_buyers (subscription_id, customer_id);
CREATE INDEX ix_subscription_buyers_customer ON subscription_buyers (customer_id);

-- 签约: one contract per subscription, its number unique in the group.
CREATE TABLE contracts (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  subscription_id BIGINT NOT NULL,
  contract_no TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  total_cents BIGINT NOT NULL CHECK (total_cents > 0),
  paid_cents BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'signed' CHECK (status IN ('signed', 'cancelled')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_contracts_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
);
CREATE UNIQUE INDEX uq_contracts_subscription ON contracts (subscription_id);
CREATE UNIQUE INDEX uq_contracts_no ON contracts (tenant_id, contract_no);
CREATE INDEX ix_contracts_project ON contracts (project_id, id);

-- The payment plan: instalments in due order; payments settle the earliest unpaid first.
CREATE TABLE contract_instalments (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  contract_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('down_payment', 'installment', 'mortgage')),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  paid_cents BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_contract_instalments_contract FOREIGN KEY (contract_id) REFERENCES contracts (id)
);
CREATE UNIQUE INDEX uq_contract_instalments ON contract_instalments (contract_id, seq);
CREATE INDEX ix_contract_instalments_due ON contract_instalments (tenant_id, due_on);

CREATE TABLE payments (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  contract_id BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  paid_on TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('bank_transfer', 'pos', 'cash', 'mortgage_loan', 'provident_fund')),
  receipt_no TEXT NOT NULL,
  actor_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_payments_contract FOREIGN KEY (contract_id) REFERENCES contracts (id)
);
CREATE INDEX ix_payments_contract ON payments (contract_id, id);
CREATE UNIQUE INDEX uq_payments_receipt ON payments (tenant_id, receipt_no);
