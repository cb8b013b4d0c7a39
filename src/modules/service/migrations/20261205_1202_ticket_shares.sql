-- The sharing rule for tickets already filed: each ticket's customer is shared with the org
-- unit that owns the ticket (customer_shares, reason ticket; one row per customer and unit, as
-- tickets are never deleted: source_id 0). From now on TicketService::Create writes it itself.
INSERT INTO customer_shares (tenant_id, customer_id, org_unit_id, reason, source_id, created_at)
SELECT t.tenant_id, t.customer_id, t.org_unit_id, 'ticket', 0, min(t.created_at) FROM tickets t WHERE 1 = 1
 GROUP BY t.tenant_id, t.customer_id, t.org_unit_id
ON CONFLICT (customer_id, org_unit_id, reason, source_id) DO NOTHING;
