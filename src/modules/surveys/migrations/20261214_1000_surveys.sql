-- Surveys (满意度调查): questionnaires with frozen versions, waves sampled from the owners of
-- projects by tenure cohort, one invitation (and token) per sampled owner, one response per
-- invitation. The indices, the score card and the drivers read columns written with each response
-- (satisfied, rebuy, recommend, nps, overall and each item's points), so that results over
-- 100,000 responses are one scan of one table, and an answer is one row. Each response keeps its
-- project's org path: the caller's scope is a prefix test on the row.
CREATE TABLE surveys (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  questions TEXT NOT NULL,
  callback_rule TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  published_version INTEGER NOT NULL DEFAULT 0,
  draft_changed BOOLEAN NOT NULL DEFAULT TRUE,
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_surveys_tenant ON surveys (tenant_id, id);

CREATE TABLE survey_versions (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  survey_id BIGINT NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  questions TEXT NOT NULL,
  callback_rule TEXT,
  published_by BIGINT NOT NULL,
  published_at BIGINT NOT NULL,
  CONSTRAINT fk_survey_versions_survey FOREIGN KEY (survey_id) REFERENCES surveys (id)
);
CREATE UNIQUE INDEX uq_survey_versions_number ON survey_versions (survey_id, number);

CREATE TABLE survey_waves (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  survey_id BIGINT NOT NULL,
  version_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('link', 'sms', 'email')),
  project_ids TEXT NOT NULL,
  cohorts TEXT NOT NULL,
  sample_per_project INTEGER NOT NULL,
  exclude_days INTEGER NOT NULL,
  exclude_no_consent BOOLEAN NOT NULL,
  send_per_minute INTEGER NOT NULL,
  closes_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  population INTEGER NOT NULL DEFAULT 0,
  invited INTEGER NOT NULL DEFAULT 0,
  sampling TEXT NOT NULL DEFAULT '{}',
  origin TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_survey_waves_survey FOREIGN KEY (survey_id) REFERENCES surveys (id),
  CONSTRAINT fk_survey_waves_version FOREIGN KEY (version_id) REFERENCES survey_versions (id)
);
CREATE INDEX ix_survey_waves_survey ON survey_waves (survey_id, id);

-- One per sampled owner of a wave. The token is the owner's credential for one answer; it is kept
-- so that staff can hand links out (channel link) and remind (the page answers nothing else).
CREATE TABLE survey_invitations (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  wave_id BIGINT NOT NULL,
  survey_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,
  company_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  cohort TEXT NOT NULL CHECK (cohort IN ('prospective', 'run_in', 'stable', 'old')),
  token TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'no_contact', 'answered')),
  message_id BIGINT,
  sent_at BIGINT,
  opened_at BIGINT,
  answered_at BIGINT,
  reminders INTEGER NOT NULL DEFAULT 0,
  remind_due BOOLEAN NOT NULL DEFAULT FALSE,
  reminded_at BIGINT,
  draft TEXT,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_survey_invitations_wave FOREIGN KEY (wave_id) REFERENCES survey_waves (id)
);
CREATE UNIQUE INDEX uq_survey_invitations_token ON survey_invitations (token);
CREATE UNIQUE INDEX uq_survey_invitations_customer ON survey_invitations (wave_id, customer_id);
CREATE INDEX ix_survey_invitations_wave ON survey_invitations (wave_id, id);
-- What the sending job has left to do: an answer (sent → answered) touches no index.
CREATE INDEX ix_survey_invitations_to_send ON survey_invitations (wave_id, id) WHERE status = 'queued' OR remind_due;
CREATE INDEX ix_survey_invitations_customer ON survey_invitations (customer_id, created_at);

CREATE TABLE survey_responses (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  survey_id BIGINT NOT NULL,
  version_id BIGINT NOT NULL,
  wave_id BIGINT NOT NULL,
  invitation_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  org_path TEXT NOT NULL,
  company_id BIGINT NOT NULL,
  cohort TEXT NOT NULL,
  customer_id BIGINT NOT NULL,
  answers TEXT NOT NULL,
  overall DOUBLE PRECISION,
  satisfied INTEGER,
  rebuy INTEGER,
  recommend INTEGER,
  nps INTEGER,
  -- The respondent's score of each item of the experience chain in points 0–100 (the mean of the
  -- questions rated for it), null when not rated: the score card and the drivers sum these.
  item_sales DOUBLE PRECISION,
  item_amenities DOUBLE PRECISION,
  item_environment DOUBLE PRECISION,
  item_design DOUBLE PRECISION,
  item_quality DOUBLE PRECISION,
  item_repairs DOUBLE PRECISION,
  item_property DOUBLE PRECISION,
  item_complaints DOUBLE PRECISION,
  item_club DOUBLE PRECISION,
  ticket_id BIGINT,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_survey_responses_invitation FOREIGN KEY (invitation_id) REFERENCES survey_invitations (id)
);
CREATE UNIQUE INDEX uq_survey_responses_invitation ON survey_responses (invitation_id);
-- The results read the survey's responses by project and cohort.
CREATE INDEX ix_survey_responses_survey ON survey_responses (survey_id, tenant_id, project_id, cohort);
CREATE INDEX ix_survey_responses_company ON survey_responses (tenant_id, created_at);

-- Owners who asked to receive no more surveys (from the answer page).
CREATE TABLE survey_opt_outs (
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, customer_id)
);
