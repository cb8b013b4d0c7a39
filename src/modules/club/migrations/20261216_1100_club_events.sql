-- The club's community events (社区活动: capacity, sign-up, check-in that earns points) and the
-- partner merchants' offers (合作商家优惠) members of a tier may use.
CREATE TABLE club_events (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,                    -- the company that holds it: its staff run it
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  capacity INTEGER NOT NULL,
  signed_up INTEGER NOT NULL DEFAULT 0,           -- sign-ups not cancelled: never above capacity
  checked_in INTEGER NOT NULL DEFAULT 0,
  points BIGINT NOT NULL DEFAULT 0,               -- earned at check-in
  tier_min TEXT,                                  -- open to this tier and above; null: every member
  status TEXT NOT NULL DEFAULT 'open',
  created_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ck_club_events_capacity CHECK (capacity > 0 AND signed_up >= 0 AND signed_up <= capacity),
  CONSTRAINT ck_club_events_status CHECK (status IN ('open', 'closed', 'cancelled')),
  CONSTRAINT ck_club_events_time CHECK (ends_at > starts_at)
);
CREATE INDEX ix_club_events_tenant ON club_events (tenant_id, starts_at);

CREATE TABLE club_event_signups (
  id BIGSERIAL PRIMARY KEY,
  event_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'signed',
  signed_at BIGINT NOT NULL,
  checked_in_at BIGINT,
  CONSTRAINT ck_club_event_signups_status CHECK (status IN ('signed', 'cancelled'))
);
CREATE UNIQUE INDEX uq_club_event_signups ON club_event_signups (event_id, member_id);
CREATE INDEX ix_club_event_signups_member ON club_event_signups (member_id);

CREATE TABLE club_offers (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  merchant TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  tier_min TEXT,                                  -- for this tier and above; null: every member
  points_cost BIGINT,                             -- redeemed with points, when set
  valid_from TEXT NOT NULL,                       -- YYYY-MM-DD
  valid_to TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ck_club_offers_status CHECK (status IN ('active', 'withdrawn')),
  CONSTRAINT ck_club_offers_dates CHECK (valid_to >= valid_from)
);
CREATE INDEX ix_club_offers_tenant ON club_offers (tenant_id, valid_to);
