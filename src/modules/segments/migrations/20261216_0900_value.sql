-- Lifetime value (客户终身价值): each company's assumptions (modules/segments/value/ltv.hpp), the
-- nearest unit up the tree that has a row sets them for its customers, else the defaults.
CREATE TABLE value_assumptions (
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  assumptions TEXT NOT NULL,          -- {"margin": 0.15, "discount_rate": 0.08, …}, every key
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, org_unit_id)
);

-- The value of the households counted in each row of segment_counts (owners only), summed in
-- fen and discounted to each household's first purchase: a segment's value per caller's scope.
ALTER TABLE segment_counts ADD COLUMN owners BIGINT NOT NULL DEFAULT 0;
ALTER TABLE segment_counts ADD COLUMN base_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE segment_counts ADD COLUMN repurchase_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE segment_counts ADD COLUMN referral_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE segment_counts ADD COLUMN saving_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE segment_counts ADD COLUMN premium_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE segment_counts ADD COLUMN acquisition_cents BIGINT NOT NULL DEFAULT 0;
