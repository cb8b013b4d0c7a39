-- 老带新: an owner (the referrer) brings a friend (the referee) to a project. Checked against
-- fraud when registered; the reward, fixed per project when registered, is due when the
-- referee's contract is signed (earned) and paid by finance (paid). One referral per referee and
-- project: the first referrer's.
ALTER TABLE sales_settings ADD COLUMN referral_reward_cents BIGINT NOT NULL DEFAULT 500000;

CREATE TABLE referrals (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  referrer_id BIGINT NOT NULL,
  referee_id BIGINT NOT NULL,
  lead_id BIGINT,
  consultant_id BIGINT NOT NULL,
  reward_cents BIGINT NOT NULL CHECK (reward_cents >= 0),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'earned', 'paid')),
  contract_id BIGINT,
  earned_at BIGINT,
  paid_at BIGINT,
  paid_by BIGINT,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_referrals_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_referrals_referrer FOREIGN KEY (referrer_id) REFERENCES customers (id),
  CONSTRAINT fk_referrals_referee FOREIGN KEY (referee_id) REFERENCES customers (id),
  CONSTRAINT ck_referrals_people CHECK (referrer_id <> referee_id)
);
CREATE UNIQUE INDEX uq_referrals_project_referee ON referrals (project_id, referee_id);
CREATE INDEX ix_referrals_referrer ON referrals (referrer_id, id);
CREATE INDEX ix_referrals_tenant ON referrals (tenant_id, status, id);
CREATE INDEX ix_referrals_contract ON referrals (contract_id);

-- Pre-registration with the customer's consent (报备): an agent or consultant asks; the customer
-- confirms by the code sent to their phone, or by opening the desk's QR code and agreeing. Only
-- then is the lead registered. Never face recognition.
CREATE TABLE lead_consents (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  consultant_id BIGINT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('sms', 'qr')),
  code_hash TEXT,
  token_hash TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'confirmed', 'failed')),
  expires_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  lead_id BIGINT,
  message_id BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_lead_consents_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_lead_consents_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX ix_lead_consents_customer ON lead_consents (project_id, customer_id, id);
CREATE UNIQUE INDEX uq_lead_consents_token ON lead_consents (token_hash);
