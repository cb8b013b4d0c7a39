-- 工地开放日 as owners live it: a capacity in households (none: no limit), the households signed up
-- and checked in (counted on the day, so that a sign-up takes a place by a compare-and-set), the
-- preparation meeting held two months ahead; each owner's sign-up and check-in.
ALTER TABLE open_days ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity > 0);
ALTER TABLE open_days ADD COLUMN signed_up INTEGER NOT NULL DEFAULT 0 CHECK (signed_up >= 0);
ALTER TABLE open_days ADD COLUMN checked_in INTEGER NOT NULL DEFAULT 0 CHECK (checked_in >= 0);
ALTER TABLE open_days ADD COLUMN prep_held_on TEXT;
ALTER TABLE open_days ADD COLUMN prep_note TEXT;

CREATE TABLE open_day_signups (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  open_day_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  party_size INTEGER NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 10),
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'signed_up' CHECK (status IN ('signed_up', 'checked_in', 'cancelled')),
  checked_in_at BIGINT,
  checked_in_by BIGINT,
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_open_day_signups_day FOREIGN KEY (open_day_id) REFERENCES open_days (id),
  CONSTRAINT fk_open_day_signups_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
-- One live sign-up per household (unit) and open day, whoever of its owners made it; a household
-- that cancelled may sign up again.
CREATE UNIQUE INDEX uq_open_day_signups_unit ON open_day_signups (open_day_id, unit_id) WHERE status <> 'cancelled';
CREATE INDEX ix_open_day_signups_customer ON open_day_signups (customer_id, id);
