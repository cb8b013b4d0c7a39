-- The customer's own page of a ticket (no login): reached by an unguessable token, stored hashed.
ALTER TABLE tickets ADD COLUMN public_token_hash TEXT;
CREATE UNIQUE INDEX uq_tickets_public_token ON tickets (public_token_hash);
-- Each category says which statutory warranty covers its defects (waterproofing 5 years…).
ALTER TABLE ticket_categories ADD COLUMN warranty TEXT;
