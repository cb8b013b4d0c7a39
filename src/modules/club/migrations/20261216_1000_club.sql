-- The owners' club (万客会): members, tiers, the points ledger as lots that expire, and the
-- group's earning rules.
CREATE TABLE club_settings (
  tenant_id BIGINT PRIMARY KEY,
  purchase_points BIGINT NOT NULL DEFAULT 1000,   -- a contract signed by a member
  referral_points BIGINT NOT NULL DEFAULT 3000,   -- a referee of the member signed
  survey_points BIGINT NOT NULL DEFAULT 100,      -- a survey answered
  expiry_days INTEGER NOT NULL DEFAULT 730,       -- a lot expires this many days after it was earned
  tiers TEXT NOT NULL,                            -- [{"code","name","min_points_12m","benefits"}], ascending
  version INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);

CREATE TABLE club_members (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,                    -- the customer's company when enrolled: the member's scope
  member_no TEXT NOT NULL,                        -- 万客会会员号, e.g. WK2026000123
  tier TEXT NOT NULL,
  balance BIGINT NOT NULL DEFAULT 0,
  earned_total BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active',
  joined_at BIGINT NOT NULL,
  review_at BIGINT NOT NULL,                      -- the next yearly tier review
  enrolled_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT ck_club_members_balance CHECK (balance >= 0),
  CONSTRAINT ck_club_members_status CHECK (status IN ('active', 'left'))
);
CREATE UNIQUE INDEX uq_club_members_customer ON club_members (tenant_id, customer_id);
CREATE UNIQUE INDEX uq_club_members_no ON club_members (tenant_id, member_no);
CREATE INDEX ix_club_members_tier ON club_members (tenant_id, tier, id);
CREATE INDEX ix_club_members_review ON club_members (review_at);

-- Each earning is a lot with what is left of it; a redemption takes from the lots that expire
-- first. A member's balance is the sum of their lots' remaining points.
CREATE TABLE club_point_lots (
  id BIGSERIAL PRIMARY KEY,
  member_id BIGINT NOT NULL,
  points BIGINT NOT NULL,
  remaining BIGINT NOT NULL,
  earned_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  CONSTRAINT ck_club_point_lots CHECK (remaining >= 0 AND remaining <= points)
);
CREATE INDEX ix_club_point_lots_open ON club_point_lots (member_id, expires_at, id) WHERE remaining > 0;
CREATE INDEX ix_club_point_lots_expiry ON club_point_lots (expires_at) WHERE remaining > 0;

-- The ledger: every earning, redemption and expiry, with the balance after it.
CREATE TABLE club_point_moves (
  id BIGSERIAL PRIMARY KEY,
  member_id BIGINT NOT NULL,
  tenant_id BIGINT NOT NULL,
  delta BIGINT NOT NULL,
  balance_after BIGINT NOT NULL,
  reason TEXT NOT NULL,
  ref TEXT,                                       -- what it was for: "contract:12", "referral:4", an order number
  note TEXT,
  lot_id BIGINT,                                  -- the lot an earning made
  actor_id BIGINT,
  at BIGINT NOT NULL,
  CONSTRAINT ck_club_point_moves_reason CHECK (reason IN ('referral', 'purchase', 'survey', 'event', 'adjustment', 'redeem', 'expired'))
);
CREATE INDEX ix_club_point_moves_member ON club_point_moves (member_id, id);
-- One earning per thing earned for (a contract, a referral, a survey answer): replays earn nothing.
CREATE UNIQUE INDEX uq_club_point_moves_ref ON club_point_moves (member_id, reason, ref) WHERE ref IS NOT NULL AND delta > 0;
CREATE INDEX ix_club_point_moves_earned ON club_point_moves (member_id, at) WHERE delta > 0;
