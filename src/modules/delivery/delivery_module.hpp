#pragma once
#include "db/database.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/delivery/batches/batch_service.hpp"
#include "modules/delivery/booking/booking_service.hpp"
#include "modules/delivery/disclosures/disclosure_service.hpp"
#include "modules/delivery/fund/fund_service.hpp"
#include "modules/delivery/handovers/handover_service.hpp"
#include "modules/delivery/journey/journey_service.hpp"
#include "modules/delivery/reports/report_service.hpp"
#include "modules/delivery/signups/signup_service.hpp"
#include "modules/delivery/titles/title_service.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/sales/sales_module.hpp"
#include "modules/service/service_module.hpp"
#include "platform/auth_service.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth::delivery {

/// Delivery (交付) and the 6+2 journey: batches and their gates (inspections, findings, open days),
/// the handover day's six steps, which alone deliver a contracted unit.
struct DeliveryModule {
  DeliveryModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
                 inventory::InventoryModule& inventory, service::ServiceModule& service, sales::SalesModule& sales)
      : db(db),
        clock(clock),
        customers(customers.service),
        inventory(inventory.service),
        disclosures(db, clock, platform.audit, customers.service, inventory.service, sales.deals),
        batches(db, clock, platform.audit, inventory.service, service.config),
        signups(db, clock, platform.audit, platform.messages, customers.service, inventory.service, batches),
        handovers(db, clock, platform.audit, customers.service, inventory.service, service.tickets, batches),
        booking(db, clock, platform.audit, platform.messages, customers.service, inventory.service, batches, handovers),
        journey(db, clock, platform.audit, platform.jobs, platform.notifications, customers.service, inventory.service, sales.deals, service.tickets, batches),
        fund(db, clock, platform.audit, inventory.service),
        titles(db, clock, platform.audit, customers.service, inventory.service),
        reports(db, clock, inventory.service) {}
  db::Database& db;
  const Clock& clock;
  customers::CustomerService& customers;   ///< the demo's timelines
  inventory::InventoryService& inventory;  ///< the demo's units and homes
  // The module's parts, each in its folder (disclosures/, batches/, signups/, handovers/, booking/, journey/, fund/, titles/, reports/), in the order they depend on each other.
  DisclosureService disclosures;
  BatchService batches;
  SignupService signups;
  HandoverService handovers;
  BookingService booking;
  JourneyService journey;
  FundService fund;
  TitleService titles;
  ReportService reports;
  /// Unknown owners' links (handover booking, open-day sign-up) per address (the owners' pages are public).
  platform::LoginThrottle booking_links{{.unknown_names_per_address = 30}};
};

/// `hearth demo`, the delivery part (delivery_demo.cpp): batches, inspections, findings, open days and
/// handovers of the projects in their delivery season; the gates of those delivered before.
Result<void> AddDemoDelivery(DeliveryModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables); it must outlive the server.
platform::Manifest BuildManifest(DeliveryModule& module);

}  // namespace hearth::delivery
