-- The case library (案例库): closed tickets filed with what the problem was and what solved it.
CREATE TABLE ticket_cases (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  ticket_id BIGINT NOT NULL,
  category_id BIGINT,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  problem TEXT NOT NULL,
  solution TEXT NOT NULL,
  created_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_ticket_cases_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);
CREATE UNIQUE INDEX uq_ticket_cases_ticket ON ticket_cases (ticket_id);
CREATE INDEX ix_ticket_cases_category ON ticket_cases (tenant_id, category_id, id);

-- Standard answers (标准答复) an agent is offered while writing, by category (and its children) or kind.
CREATE TABLE standard_answers (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  category_id BIGINT,
  kind TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX ix_standard_answers_tenant ON standard_answers (tenant_id, id);

-- Who works in each department, for round-robin assignment (the one assigned longest ago next).
CREATE TABLE department_members (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  department TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  last_assigned_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_department_members_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE UNIQUE INDEX uq_department_members ON department_members (tenant_id, department, user_id);
