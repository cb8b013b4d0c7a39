-- A work order names its ticket's customer, so that the customer's page lists their appointments
-- and visits with one indexed read (moved with the customer on a merge).
ALTER TABLE work_orders ADD COLUMN customer_id BIGINT;
UPDATE work_orders SET customer_id = (SELECT t.customer_id FROM tickets t WHERE t.id = work_orders.ticket_id);
CREATE INDEX ix_work_orders_customer ON work_orders (customer_id, appointment_at);
