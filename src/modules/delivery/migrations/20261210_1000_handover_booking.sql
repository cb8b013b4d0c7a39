-- The handover day's calendar and the owners' booking links: slots per batch, day and hour with a
-- capacity (booked never above it: seats are taken by a compare-and-set); one link per unit of a
-- batch (only the token's SHA-256 is kept; a new link replaces the old); a handover remembers its
-- slot and whether the owner booked it through the link.
CREATE TABLE handover_slots (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  starts_at BIGINT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 200),
  booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_handover_slots_batch FOREIGN KEY (batch_id) REFERENCES delivery_batches (id)
);
CREATE UNIQUE INDEX uq_handover_slots_start ON handover_slots (batch_id, starts_at);

CREATE TABLE handover_invites (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  token_hash TEXT NOT NULL,
  message_id BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  opened_at BIGINT,
  CONSTRAINT fk_handover_invites_batch FOREIGN KEY (batch_id) REFERENCES delivery_batches (id)
);
CREATE UNIQUE INDEX uq_handover_invites_token ON handover_invites (token_hash);
CREATE UNIQUE INDEX uq_handover_invites_unit ON handover_invites (batch_id, unit_id);

ALTER TABLE handovers ADD COLUMN slot_id BIGINT;
ALTER TABLE handovers ADD COLUMN booked_via TEXT NOT NULL DEFAULT 'staff';
CREATE INDEX ix_handovers_slot_id ON handovers (slot_id);
