-- Repair work orders (报修 → 派工 → 上门 → 验收 → 回访): a ticket's repair sent to a contractor with
-- an appointment, its cost and who pays (charged back to the responsible contractor). The
-- repair plan of a major (重大) case waits for engineering's approval before it is dispatched.
CREATE TABLE work_orders (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  ticket_id BIGINT NOT NULL,
  contractor TEXT NOT NULL,
  plan TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending_approval', 'dispatched', 'visited', 'accepted', 'cancelled')),
  appointment_at BIGINT NOT NULL,
  visited_at BIGINT,
  accepted_at BIGINT,
  approved_by BIGINT,
  approved_at BIGINT,
  cost_fen BIGINT,
  charge_to TEXT CHECK (charge_to IN ('contractor', 'developer', 'owner')),
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_work_orders_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);
CREATE INDEX ix_work_orders_ticket ON work_orders (ticket_id, id);
CREATE INDEX ix_work_orders_status ON work_orders (tenant_id, status, id);
