// The sales module's manifest: its tables, jobs and constraint names, and the routes of each part.
#include "modules/sales/sales_routes.hpp"

#include "http/conventions.hpp"

namespace hearth::sales {

Result<http::Response> ReportAnswer(const http::Request& req, boost::json::object json, const std::function<Table()>& table,
                                    const std::string& name) {
  const std::string format = req.Query("format").value_or("json");
  if (format == "json") return http::Json(http::kOk, json);
  if (format != "csv" && format != "xlsx") return http::BadQuery("format", "invalid_value", "format is json, csv or xlsx");
  http::Response res{http::kOk,
                     format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     TableFile(table(), format, name, req.context.request_id), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
  return res;
}

platform::Manifest BuildManifest(SalesModule& module) {
  platform::Manifest m{.name = "sales", .folder = "modules/sales", .tables = {
      {"sales_settings"}, {"leads"}, {"lead_follow_ups"}, {"pledges"}, {"subscriptions"}, {"subscription_buyers"},
      {"contracts"}, {"contract_instalments"}, {"payments"}, {"lead_funnel_days"}, {"change_orders"}, {"referrals"}, {"price_adjustments"},
      {"price_adjustment_lines"}, {"discount_schemes"}, {"subscription_discounts"}, {"lead_consents"}, {"dunning_tasks"},
      {"dunning_notes"}, {"lead_disputes"}}};
  // Two registrations of one customer at the same instant: the second finds the first's lead.
  m.constraints.push_back({"uq_leads_project_customer", {"customer_id", "lead_protected", ErrorCode::kConflict, "lead_protected"}});
  // The unit's one open subscription, whatever the race.
  m.constraints.push_back({"uq_subscriptions_open_unit", {"unit_id", "unavailable", ErrorCode::kConflict, "unit_unavailable"}});
  // One change order waits at a time per contract.
  m.constraints.push_back({"uq_change_orders_pending", {"contract_id", "change_pending", ErrorCode::kConflict, "change_pending"}});
  m.constraints.push_back({"uq_lead_disputes_pending", {"lead_id", "dispute_pending", ErrorCode::kConflict, "dispute_pending"}});
  m.constraints.push_back({"uq_contracts_no", {"contract_no", "taken", ErrorCode::kConflict, "conflict"}});
  m.constraints.push_back({"uq_contracts_subscription", {"subscription_id", "taken", ErrorCode::kConflict, "subscription_closed"}});
  // The first referrer of a customer to a project holds the referral.
  m.constraints.push_back({"uq_referrals_project_referee", {"referee_id", "referral_exists", ErrorCode::kConflict, "referral_exists"}});
  LeadService& leads = module.leads;
  m.jobs.push_back({LeadService::kReminderJob, [&leads](db::Tx& tx, const platform::Job& job) { return leads.OnReminderJob(tx, job); }});
  m.demo = [&module](platform::Demo& demo) { return AddDemoSales(module, demo); };
  AddLeadRoutes(m, module.leads);
  AddDealRoutes(m, module.deals);
  AddReferralRoutes(m, module.referrals);
  AddPriceRoutes(m, module.prices);
  AddConsentRoutes(m, module.consents);
  AddCollectionRoutes(m, module.collections);
  AddDisputeRoutes(m, module.disputes);
  CollectionService& collections = module.collections;
  m.jobs.push_back({CollectionService::kCheckJob,
                    [&collections](db::Tx& tx, const platform::Job& job) { return collections.OnCheckJob(tx, job); }});
  return m;
}

}  // namespace hearth::sales
