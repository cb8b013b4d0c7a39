-- Members against non-members (the seeds: 65.3% repurchase, 56.9% would buy again, 30–50% of sales
-- from referrals): among the owners of each org unit, how many repurchased, said they would buy
-- again, and referred someone who signed — computed at night and on demand.
CREATE TABLE club_rates (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,              -- the owners' records' org unit path: each caller sums their scope
  member INTEGER NOT NULL,             -- 1: club members, 0: the other owners
  owners BIGINT NOT NULL,
  repurchased BIGINT NOT NULL,         -- own two homes or more
  answered BIGINT NOT NULL,            -- said in their latest survey whether they would buy again
  would_rebuy BIGINT NOT NULL,
  referrers BIGINT NOT NULL,           -- referred someone who signed
  computed_at BIGINT NOT NULL
);
CREATE INDEX ix_club_rates_tenant ON club_rates (tenant_id, org_path);
