-- The message gateway sends WeChat template messages too (campaigns): the log's channel takes
-- 'wechat', and `to_phone` holds the follower's openid for it. SQLite cannot change a CHECK: the table is made again.
CREATE TABLE messages_new (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  channel TEXT NOT NULL DEFAULT 'sms' CONSTRAINT ck_messages_channel CHECK (channel IN ('sms', 'email', 'wechat')),
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
INSERT INTO messages_new SELECT id, tenant_id, org_unit_id, channel, to_phone, purpose, text, status, provider_id, error, attempts,
                                ref_type, ref_id, sent_at, version, created_at, updated_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX ix_messages_tenant ON messages (tenant_id, id);
CREATE INDEX ix_messages_ref ON messages (ref_type, ref_id);
