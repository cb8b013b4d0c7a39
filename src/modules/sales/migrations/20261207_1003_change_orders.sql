-- Change orders of a signed contract (变更): 换房 (another unit of the project), 更名 (other buyers or
-- shares), 退房 (cancel: the unit is for sale again), 折扣 (a discount off what is left to pay).
-- Requested by anyone who sells, decided by a manager; only an approved one changes the contract.
CREATE TABLE change_orders (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  contract_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('change_unit', 'rename', 'cancel', 'discount')),
  reason TEXT NOT NULL,
  new_unit_id BIGINT,
  buyers_json TEXT,
  discount_cents BIGINT CHECK (discount_cents IS NULL OR discount_cents > 0),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT fk_change_orders_contract FOREIGN KEY (contract_id) REFERENCES contracts (id)
);
-- One change waits at a time per contract.
CREATE UNIQUE INDEX uq_change_orders_pending ON change_orders (contract_id) WHERE status = 'pending';
CREATE INDEX ix_change_orders_contract ON change_orders (contract_id, id);
CREATE INDEX ix_change_orders_status ON change_orders (tenant_id, status, id);
