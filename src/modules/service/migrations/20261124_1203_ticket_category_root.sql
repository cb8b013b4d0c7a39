-- The top-level category of a ticket's category (渗漏 for 卫生间渗漏), kept on the ticket so that
-- the mass-complaint check counts a cluster with one index range instead of reading a project's
-- recent tickets.
ALTER TABLE tickets ADD COLUMN category_root_id BIGINT;
CREATE INDEX ix_tickets_cluster ON tickets (project_id, category_root_id, created_at);
-- Queues by grade (重大 / 热点 complaints) and by assignee (my tickets), newest first; and the
-- unfiltered queue of a group.
CREATE INDEX ix_tickets_grade ON tickets (tenant_id, grade, status, id);
CREATE INDEX ix_tickets_assignee ON tickets (assignee_id, status, id);
CREATE INDEX ix_tickets_tenant ON tickets (tenant_id, id);
