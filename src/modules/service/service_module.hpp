#pragma once
#include "db/database.hpp"
#include "db/read_replica.hpp"
#include "platform/manifest.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/service/config/config_service.hpp"
#include "modules/service/knowledge/knowledge.hpp"
#include "modules/service/tickets/ticket_attachments.hpp"
#include "modules/service/work_orders/work_orders.hpp"
#include "modules/service/reports/ticket_reports.hpp"
#include "modules/service/telephony/telephony.hpp"
#include "modules/service/tickets/ticket_service.hpp"
#include "platform/platform_module.hpp"

namespace hearth::service {

/// The service centre (客户服务中心): tickets, routing, SLA on the business calendar, mass
/// complaint alerts, reports, the case library and standard answers, work orders, screen-pop.
struct ServiceModule {
  /// Reports read `report_db` (a streaming replica when one is configured).
  ServiceModule(db::Database& db, db::ReadReplica& report_db, const Clock& clock, platform::Platform& platform,
                customers::CustomersModule& customers, inventory::InventoryModule& inventory,
                std::string telephony_secret = "")
      : db(db),
        clock(clock),
        inventory(inventory.service),
        customers(customers.service),
        config(db, clock, platform.audit, inventory.service),
        alerts(db, clock, platform.audit, platform.notifications, inventory.service),
        tickets(db, clock, platform.audit, platform.jobs, platform.notifications, config, alerts, customers.service,
                inventory.service),
        reports(report_db, clock, config, inventory.service),
        knowledge(db, clock, platform.audit, config, tickets),
        work_orders(db, clock, platform.audit, config, tickets, customers.service),
        attachments(db, clock, platform.audit, tickets),
        telephony(db, clock, customers.service, platform.events, std::move(telephony_secret)) {}
  db::Database& db;
  const Clock& clock;
  inventory::InventoryService& inventory;  ///< homes for the demo tickets
  customers::CustomerService& customers;   ///< the demo tickets' shares
  // The module's parts, each in its folder (config/, mass_alerts/, tickets/, reports/, knowledge/,
  // work_orders/), built in the order they depend on each other.
  ConfigService config;
  MassAlertService alerts;
  TicketService tickets;
  TicketReports reports;
  KnowledgeService knowledge;
  WorkOrderService work_orders;
  TicketAttachments attachments;
  Telephony telephony;  ///< screen-pop: seats and the telephone system's calls
  /// Unknown tokens of the customer's page, per address (the per-name limit is unused).
  platform::LoginThrottle public_links{{.unknown_names_per_address = 30}};
};

/// `hearth demo`, the service centre's part (service_demo.cpp): a year of tickets from owners.
Result<void> AddDemoTickets(ServiceModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, jobs, seed); it must outlive the server.
platform::Manifest BuildManifest(ServiceModule& module);

}  // namespace hearth::service
