// The service module's manifest: its tables, jobs, seed and demo, and the routes of each part
// (each part's *_routes.cpp).
#include "modules/service/service_routes.hpp"

namespace hearth::service {

platform::Manifest BuildManifest(ServiceModule& module) {
  platform::Manifest m{.name = "service", .folder = "modules/service", .tables = {
      {"ticket_categories"}, {"tickets"}, {"ticket_events"}, {"routing_rules"}, {"sla_policies"},
      {"business_calendars"},
      {"calendar_days", "calendar_id IN (SELECT id FROM business_calendars WHERE tenant_id = $1)"},
      {"service_settings"}, {"mass_alerts"},
      {"mass_alert_tickets", "alert_id IN (SELECT id FROM mass_alerts WHERE tenant_id = $1)"},
      {"ticket_cases"}, {"standard_answers"}, {"department_members"}, {"work_orders"}, {"telephony_seats"}}};
  m.constraints.push_back({"uq_ticket_categories_name", {"name", "taken", ErrorCode::kConflict, "conflict"}});
  m.constraints.push_back({"uq_ticket_cases_ticket", {"ticket_id", "taken", ErrorCode::kConflict, "conflict"}});
  TicketService& s = module.tickets;
  // The deadline jobs a ticket enqueues: remind before the due time, breach at it, escalate after.
  for (int stage : {0, 1, 2}) {
    static constexpr const char* kKinds[] = {"ticket.remind", "ticket.breach", "ticket.escalate"};
    m.jobs.push_back({kKinds[stage], [&s, stage](db::Tx& tx, const platform::Job& job) { return s.OnDeadlineJob(tx, job, stage); }});
  }
  // Categories, routing rules, SLA policies and the calendar for every group that lacks them.
  m.seed = [&module] { return module.config.SeedDefaults(); };
  m.demo = [&module](platform::Demo& demo) { return AddDemoTickets(module, demo); };
  AddTicketRoutes(m, s, module.attachments, module.public_links);
  AddConfigRoutes(m, module.config);
  AddMassAlertRoutes(m, module.alerts);
  AddReportRoutes(m, module.reports);
  AddKnowledgeRoutes(m, module.knowledge);
  AddWorkOrderRoutes(m, module.work_orders);
  AddTelephonyRoutes(m, module.telephony);
  return m;
}

}  // namespace hearth::service
