// The sales module's manifest: its tables, jobs and constraint names, and the routes of each part.
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

platform::Manifest BuildManifest(SalesModule& module) {
  platform::Manifest m{.name = "sales", .folder = "modules/sales", .tables = {
      {"sales_settings"}, {"leads"}, {"lead_follow_ups"}, {"pledges"}, {"subscriptions"}, {"subscription_buyers"},
      {"contracts"}, {"contract_instalments"}, {"payments"}, {"lead_funnel_days"}, {"change_orders"}}};
  // Two registrations of one customer at the same instant: the second finds the first's lead.
  m.constraints.push_back({"uq_leads_project_customer", {"customer_id", "lead_protected", ErrorCode::kConflict, "lead_protected"}});
  // The unit's one open subscription, whatever the race.
  m.constraints.push_back({"uq_subscriptions_open_unit", {"unit_id", "unavailable", ErrorCode::kConflict, "unit_unavailable"}});
  // One change order waits at a time per contract.
  m.constraints.push_back({"uq_change_orders_pending", {"contract_id", "change_pending", ErrorCode::kConflict, "change_pending"}});
  m.constraints.push_back({"uq_contracts_no", {"contract_no", "taken", ErrorCode::kConflict, "conflict"}});
  m.constraints.push_back({"uq_contracts_subscription", {"subscription_id", "taken", ErrorCode::kConflict, "subscription_closed"}});
  LeadService& leads = module.leads;
  m.jobs.push_back({LeadService::kReminderJob, [&leads](db::Tx& tx, const platform::Job& job) { return leads.OnReminderJob(tx, job); }});
  m.demo = [&module](platform::Demo& demo) { return AddDemoSales(module, demo); };
  AddLeadRoutes(m, module.leads);
  AddDealRoutes(m, module.deals);
  return m;
}

}  // namespace hearth::sales
