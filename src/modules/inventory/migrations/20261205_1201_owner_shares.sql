-- The sharing rule for homes already owned: each owner is shared with the company of the
-- project (customer_shares, reason home). From now on SetOwner writes these rows itself.
INSERT INTO customer_shares (tenant_id, customer_id, org_unit_id, reason, source_id, created_at)
SELECT uo.tenant_id, uo.customer_id, p.org_unit_id, 'home', uo.unit_id, uo.created_at
  FROM unit_owners uo JOIN units u ON u.id = uo.unit_id JOIN projects p ON p.id = u.project_id
 WHERE 1 = 1  -- (SQLite: a WHERE keeps ON CONFLICT from reading as the ON of a join)
ON CONFLICT (customer_id, org_unit_id, reason, source_id) DO NOTHING;
