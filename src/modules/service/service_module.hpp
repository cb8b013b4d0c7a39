#pragma once
#include "db/database.hpp"
#include "db/read_replica.hpp"
#include "http/router.hpp"
#include "platform/manifest.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/service/knowledge.hpp"
#include "modules/service/ticket_attachments.hpp"
#include "modules/service/work_orders.hpp"
#include "modules/service/ticket_reports.hpp"
#include "modules/service/ticket_service.hpp"
#include "platform/platform_module.hpp"

namespace hearth::service {

/// The service centre (客户服务中心): tickets, routing, SLA on the business calendar.
struct ServiceModule {
  /// Reports read `report_db` (a streaming replica when one is configured).
  ServiceModule(db::Database& db, db::ReadReplica& report_db, const Clock& clock, platform::Platform& platform,
                customers::CustomersModule& customers, inventory::InventoryModule& inventory)
      : db(db), clock(clock), inventory(inventory.service), alerts(db, clock, platform.audit, platform.notifications, inventory.service),
        tickets(db, clock, platform.audit, platform.jobs, platform.notifications, alerts, customers.service,
                inventory.service),
        reports(report_db, clock, inventory.service),
        knowledge(db, clock, platform.audit, tickets),
        work_orders(db, clock, platform.audit, tickets),
        attachments(db, clock, platform.audit, tickets) {}
  db::Database& db;
  const Clock& clock;
  inventory::InventoryService& inventory;  ///< homes for the demo tickets
  MassAlertService alerts;
  TicketService tickets;
  TicketReports reports;
  KnowledgeService knowledge;
  WorkOrderService work_orders;
  TicketAttachments attachments;
  /// Unknown tokens of the customer's page, per address (the per-name limit is unused).
  platform::LoginThrottle public_links{{1 << 30, 30, 15 * 60 * 1000}};
};

/// `hearth demo`, the service centre's part (service_demo.cpp): a year of tickets from owners.
Result<void> AddDemoTickets(ServiceModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, jobs, seed); it must outlive the server.
platform::Manifest BuildManifest(ServiceModule& module);

}  // namespace hearth::service
