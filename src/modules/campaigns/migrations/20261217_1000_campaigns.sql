-- Campaigns (营销活动): a message to an audience (a segment, a project's owners, a club tier, the
-- whole customer base, or picked customers) by SMS, e-mail or WeChat template, sent only to those
-- who consented to marketing and have not opted out (PIPL), a throttled number a minute, logged
-- per recipient. The messages themselves go through the platform's gateway (table messages).
CREATE TABLE campaigns (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,          -- whose campaign: the audience is read within its scope
  name TEXT NOT NULL,
  channel TEXT NOT NULL,
  audience TEXT NOT NULL,               -- {"kind": "segment"|"project"|"tier"|"all"|"customers", …}
  audience_label TEXT NOT NULL,         -- the audience in words, as it was when written
  subject TEXT,                         -- e-mail
  template TEXT NOT NULL,               -- the text, with {name} and {unsubscribe}; WeChat: the "first" field
  wechat_template_id TEXT,
  wechat_fields TEXT,                   -- WeChat: {"keyword1": "…", "remark": "…"} as JSON
  rate_per_minute INTEGER NOT NULL DEFAULT 600,
  quiet_hours BOOLEAN NOT NULL DEFAULT TRUE,  -- none sent 21:00–08:00 China time
  link_base TEXT,                       -- the origin the unsubscribe links lead to
  status TEXT NOT NULL DEFAULT 'draft',
  send_at BIGINT,                       -- when sending begins (the send button's time, or later)
  queued_through BIGINT NOT NULL DEFAULT 0,   -- the audience read up to this customer id
  audience_count BIGINT NOT NULL DEFAULT 0,   -- customers in the audience
  queued_count BIGINT NOT NULL DEFAULT 0,     -- recipients queued (consented, reachable, not opted out)
  skipped_no_consent BIGINT NOT NULL DEFAULT 0,
  skipped_opted_out BIGINT NOT NULL DEFAULT 0,
  skipped_no_address BIGINT NOT NULL DEFAULT 0,
  queued_at BIGINT,
  finished_at BIGINT,
  created_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ck_campaigns_channel CHECK (channel IN ('sms', 'email', 'wechat')),
  CONSTRAINT ck_campaigns_status CHECK (status IN ('draft', 'queuing', 'sending', 'done', 'cancelled')),
  CONSTRAINT ck_campaigns_rate CHECK (rate_per_minute BETWEEN 1 AND 6000)
);
CREATE INDEX ix_campaigns_tenant ON campaigns (tenant_id, id);

-- One row per recipient queued: what became of their message. The unsubscribe link carries the
-- row's id and its `secret`. Those left out (no consent, opted out, no address) are counted on
-- the campaign, not listed.
CREATE TABLE campaign_recipients (
  id BIGSERIAL PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  secret TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued',
  reason TEXT,                          -- skipped at sending: no_consent, opted_out, no_address
  address TEXT,                         -- where it went (phone, e-mail, openid), once sent
  message_id BIGINT,                    -- the gateway's log line
  sent_at BIGINT,
  CONSTRAINT ck_campaign_recipients_status CHECK (status IN ('queued', 'sent', 'skipped', 'cancelled'))
);
CREATE UNIQUE INDEX uq_campaign_recipients_customer ON campaign_recipients (campaign_id, customer_id);
CREATE INDEX ix_campaign_recipients_status ON campaign_recipients (campaign_id, status, id);

-- Who said no more (退订): by the link of a message, or told to staff. Channel 'all' stops every
-- channel. Honoured at queueing and again at sending.
CREATE TABLE marketing_opt_outs (
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  channel TEXT NOT NULL,
  source TEXT NOT NULL,                 -- link | staff
  campaign_id BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, customer_id, channel),
  CONSTRAINT ck_marketing_opt_outs_channel CHECK (channel IN ('all', 'sms', 'email', 'wechat')),
  CONSTRAINT ck_marketing_opt_outs_source CHECK (source IN ('link', 'staff'))
);

-- The customers who follow the official account: their openid, for WeChat template messages.
CREATE TABLE wechat_followers (
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  openid TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, customer_id)
);
CREATE UNIQUE INDEX uq_wechat_followers_openid ON wechat_followers (tenant_id, openid);
