-- The message gateway's log: every text message Hearth sends (consent codes, appointment links,
-- survey invitations, campaigns), one row per recipient, with what became of it. The text is
-- stored as shown to staff (a one-time code masked); the provider's id answers complaints.
CREATE TABLE messages (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  channel TEXT NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms')),
  to_phone TEXT NOT NULL,
  purpose TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'unconfigured')),
  provider_id TEXT,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  ref_type TEXT,
  ref_id BIGINT,
  sent_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_messages_tenant ON messages (tenant_id, id);
CREATE INDEX ix_messages_ref ON messages (ref_type, ref_id);
