-- Tickets closed in a period, with their call-back ratings (the 6+2 audit's customer evaluation).
CREATE INDEX ix_tickets_closed ON tickets (tenant_id, closed_at);
