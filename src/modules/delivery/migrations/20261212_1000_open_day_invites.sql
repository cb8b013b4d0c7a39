-- Owners sign up for a site open day themselves: one link per household (unit) and open day, sent
-- by SMS (only the token's SHA-256 is kept; a new link replaces the old), good until the day has
-- passed; it is followed as sent, opened, signed up.
CREATE TABLE open_day_invites (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  open_day_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  token_hash TEXT NOT NULL,
  message_id BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  opened_at BIGINT,
  CONSTRAINT fk_open_day_invites_day FOREIGN KEY (open_day_id) REFERENCES open_days (id)
);
CREATE UNIQUE INDEX uq_open_day_invites_token ON open_day_invites (token_hash);
CREATE UNIQUE INDEX uq_open_day_invites_unit ON open_day_invites (open_day_id, unit_id);
