-- Price lists (价格表). Each unit's list price is the inventory's; it changes by batches (调价方案)
-- whose lines are the price history. Discount schemes (折扣方案) are offered per project within
-- dates and a number of uses; a subscription below the floor price (底价, a share of the list
-- price per project) waits for a manager's approval while it holds the unit.
ALTER TABLE sales_settings ADD COLUMN floor_percent INTEGER NOT NULL DEFAULT 95;

CREATE TABLE price_adjustments (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL CHECK (method IN ('percent', 'per_m2', 'set_per_m2')),
  value BIGINT NOT NULL,
  building TEXT,
  unit_count INTEGER NOT NULL DEFAULT 0,
  before_cents BIGINT NOT NULL DEFAULT 0,
  after_cents BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'applied', 'cancelled')),
  created_by BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_price_adjustments_project FOREIGN KEY (project_id) REFERENCES projects (id)
);
CREATE INDEX ix_price_adjustments_project ON price_adjustments (project_id, id);

CREATE TABLE price_adjustment_lines (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  adjustment_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  before_cents BIGINT NOT NULL,
  after_cents BIGINT NOT NULL CHECK (after_cents > 0),
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_price_adjustment_lines_adjustment FOREIGN KEY (adjustment_id) REFERENCES price_adjustments (id),
  CONSTRAINT fk_price_adjustment_lines_unit FOREIGN KEY (unit_id) REFERENCES units (id)
);
CREATE UNIQUE INDEX uq_price_adjustment_lines ON price_adjustment_lines (adjustment_id, unit_id);
CREATE INDEX ix_price_adjustment_lines_unit ON price_adjustment_lines (unit_id, id);

CREATE TABLE discount_schemes (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  percent_off_bp BIGINT NOT NULL DEFAULT 0 CHECK (percent_off_bp BETWEEN 0 AND 5000),
  amount_off_cents BIGINT NOT NULL DEFAULT 0 CHECK (amount_off_cents >= 0),
  valid_from TEXT,
  valid_to TEXT,
  max_uses BIGINT,
  uses BIGINT NOT NULL DEFAULT 0,
  stackable BOOLEAN NOT NULL DEFAULT TRUE,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_discount_schemes_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT ck_discount_schemes_uses CHECK (max_uses IS NULL OR uses <= max_uses)
);
CREATE INDEX ix_discount_schemes_project ON discount_schemes (project_id, id);

-- What a subscription was priced against, and the manager's decision on a price below the floor.
ALTER TABLE subscriptions ADD COLUMN list_price_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN scheme_price_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN floor_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN approval TEXT NOT NULL DEFAULT 'none' CHECK (approval IN ('none', 'pending', 'approved', 'rejected'));
ALTER TABLE subscriptions ADD COLUMN approval_by BIGINT;
ALTER TABLE subscriptions ADD COLUMN approval_at BIGINT;
ALTER TABLE subscriptions ADD COLUMN approval_note TEXT NOT NULL DEFAULT '';
CREATE INDEX ix_subscriptions_approval ON subscriptions (tenant_id, approval, id);

CREATE TABLE subscription_discounts (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  subscription_id BIGINT NOT NULL,
  scheme_id BIGINT NOT NULL,
  off_cents BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_subscription_discounts_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id),
  CONSTRAINT fk_subscription_discounts_scheme FOREIGN KEY (scheme_id) REFERENCES discount_schemes (id)
);
CREATE UNIQUE INDEX uq_subscription_discounts ON subscription_discounts (subscription_id, scheme_id);
