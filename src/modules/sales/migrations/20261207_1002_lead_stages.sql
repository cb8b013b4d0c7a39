-- How far each lead went, written by the deal chain as it happens (the first pledge, subscription
-- and contract of the lead's customer in its project).
ALTER TABLE leads ADD COLUMN pledged_at BIGINT;
ALTER TABLE leads ADD COLUMN subscribed_at BIGINT;
ALTER TABLE leads ADD COLUMN contracted_at BIGINT;
-- The leads registered before: their stages from the deals already made.
UPDATE leads SET pledged_at = (SELECT min(p.created_at) FROM pledges p
                                WHERE p.project_id = leads.project_id AND p.customer_id = leads.customer_id);
UPDATE leads SET subscribed_at = (SELECT min(s.created_at) FROM subscriptions s JOIN subscription_buyers b ON b.subscription_id = s.id
                                   WHERE s.project_id = leads.project_id AND b.customer_id = leads.customer_id);
UPDATE leads SET contracted_at = (SELECT min(c.created_at) FROM contracts c JOIN subscription_buyers b ON b.subscription_id = c.subscription_id
                                   WHERE c.project_id = leads.project_id AND b.customer_id = leads.customer_id);

-- The funnel's daily tally: per project, day of registration (China date, days since 1970-01-01),
-- channel and consultant, how many leads there are and how far they went. Each change of a lead
-- moves its count from its old row to its new one in the change's transaction, so a year's funnel
-- sums a few thousand rows however many leads there are.
CREATE TABLE lead_funnel_days (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  org_unit_id BIGINT NOT NULL,
  day BIGINT NOT NULL,
  source TEXT NOT NULL,
  consultant_id BIGINT NOT NULL,
  leads BIGINT NOT NULL DEFAULT 0,
  visits BIGINT NOT NULL DEFAULT 0,
  pledges BIGINT NOT NULL DEFAULT 0,
  subscriptions BIGINT NOT NULL DEFAULT 0,
  contracts BIGINT NOT NULL DEFAULT 0,
  referral_contracts BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX uq_lead_funnel_days ON lead_funnel_days (project_id, day, source, consultant_id);
CREATE INDEX ix_lead_funnel_days_tenant ON lead_funnel_days (tenant_id, day);
INSERT INTO lead_funnel_days (tenant_id, project_id, org_unit_id, day, source, consultant_id, leads, visits, pledges,
                              subscriptions, contracts, referral_contracts)
SELECT tenant_id, project_id, org_unit_id, (registered_at + 28800000) / 86400000, source, consultant_id, count(*),
       sum(CASE WHEN visits > 0 THEN 1 ELSE 0 END), count(pledged_at), count(subscribed_at), count(contracted_at),
       sum(CASE WHEN contracted_at IS NOT NULL AND source = 'referral' THEN 1 ELSE 0 END)
  FROM leads GROUP BY tenant_id, project_id, org_unit_id, (registered_at + 28800000) / 86400000, source, consultant_id;
