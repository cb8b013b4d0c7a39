-- Segment models (客户细分) as data: each a list of segments with rules in the rule language
-- (modules/segments/rules/rule.hpp), computed over the customers under the model's org unit.
CREATE TABLE segment_models (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  preset TEXT,                        -- vanke5, pulte11: the preset it was made from
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  definition TEXT NOT NULL,           -- {"segments": [{"code", "name", "rule", "published_share", "description", "subs"}]}
  version INTEGER NOT NULL DEFAULT 1,
  computed_version INTEGER NOT NULL DEFAULT 0,  -- the version the counts below were computed for
  computed_at BIGINT,
  computed_ms BIGINT,                 -- how long the computation took
  customer_count BIGINT NOT NULL DEFAULT 0,     -- customers computed over
  profiles TEXT,                      -- each segment's profile (基本状况, 生活形态, 房屋价值, 房屋需求)
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ck_segment_models_name CHECK (length(name) > 0)
);
CREATE INDEX ix_segment_models_tenant ON segment_models (tenant_id, id);

-- Where each customer fell in the last computation (campaign audiences read it). `run` tells
-- this computation's rows from the last one's: what the last left behind is deleted after.
CREATE TABLE segment_members (
  model_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  tenant_id BIGINT NOT NULL,
  segment INTEGER NOT NULL,           -- index in the definition; -1 when no rule held (未归类)
  sub INTEGER NOT NULL,               -- index of the sub-class, -1 for none
  run INTEGER NOT NULL,
  PRIMARY KEY (model_id, customer_id)
);
CREATE INDEX ix_segment_members_segment ON segment_members (model_id, segment, sub, customer_id);

-- The counts of the last computation: overall, by the customer's city, by the project of a
-- home; with the org path of the customer's record (overall, city) so that each caller sums what
-- lies in their scope.
CREATE TABLE segment_counts (
  id BIGSERIAL PRIMARY KEY,
  model_id BIGINT NOT NULL,
  tenant_id BIGINT NOT NULL,
  dim TEXT NOT NULL,                  -- all | city | project
  dim_key TEXT NOT NULL,              -- '' | the city | the project's id
  org_path TEXT NOT NULL,             -- the customers' org unit path ('' for project)
  segment INTEGER NOT NULL,
  sub INTEGER NOT NULL,
  customer_count BIGINT NOT NULL,
  CONSTRAINT ck_segment_counts_dim CHECK (dim IN ('all', 'city', 'project'))
);
CREATE INDEX ix_segment_counts_model ON segment_counts (model_id, dim, dim_key);

-- The nightly computation, scheduled once per group.
CREATE TABLE segment_schedule (
  tenant_id BIGINT PRIMARY KEY,
  next_at BIGINT NOT NULL
);
