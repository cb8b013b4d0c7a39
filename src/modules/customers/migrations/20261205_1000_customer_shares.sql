-- The sharing rule as data (客户共享): a customer belongs to the company that holds the record, and
-- is also seen by the staff of every org unit where they have a home, a deal or a ticket. Each
-- reason is one row, written by the module that owns the home, deal or ticket in the same
-- transaction, removed when the reason goes (an owner removed). The scope check reads the
-- customer's rows through ix_customer_shares: one index lookup.
CREATE TABLE customer_shares (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('home', 'deal', 'ticket')),
  source_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_customer_shares_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE UNIQUE INDEX ix_customer_shares ON customer_shares (customer_id, org_unit_id, reason, source_id);
CREATE INDEX ix_customer_shares_source ON customer_shares (reason, source_id);
