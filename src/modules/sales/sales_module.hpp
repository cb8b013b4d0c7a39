#pragma once
#include "db/database.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/sales/collections/collection_service.hpp"
#include "modules/sales/deals/deal_service.hpp"
#include "modules/sales/leads/consent_service.hpp"
#include "modules/sales/leads/dispute_service.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "modules/sales/prices/price_service.hpp"
#include "modules/sales/referrals/referral_service.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth::sales {

/// Sales (销售): leads and attribution, follow-ups and the shared pool; the deal chain from
/// pledge to payments, which alone moves a unit along the sales pipeline.
struct SalesModule {
  SalesModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
              inventory::InventoryModule& inventory)
      : db(db),
        clock(clock),
        customers(customers.service),
        inventory(inventory.service),
        leads(db, clock, platform.audit, platform.jobs, platform.notifications, customers.service, inventory.service),
        consents(db, clock, platform.audit, platform.messages, customers.service, inventory.service, leads),
        disputes(db, clock, platform.audit, platform.notifications, inventory.service, leads),
        prices(db, clock, platform.audit, inventory.service, leads),
        deals(db, clock, platform.audit, customers.service, inventory.service, leads, prices, platform.notifications),
        referrals(db, clock, platform.audit, platform.notifications, customers.service, inventory.service, leads, deals),
        collections(db, clock, platform.audit, platform.jobs, platform.notifications, customers.service, inventory.service,
                    deals) {}
  db::Database& db;
  const Clock& clock;
  customers::CustomerService& customers;   ///< the demo's shares and timelines
  inventory::InventoryService& inventory;  ///< the demo's units and homes
  // The module's parts, each in its folder (leads/, prices/, deals/, referrals/, collections/), in the order they depend on each other.
  LeadService leads;
  ConsentService consents;
  DisputeService disputes;
  PriceService prices;
  DealService deals;
  ReferralService referrals;
  CollectionService collections;
};

/// `hearth demo`, the sales part (sales_demo.cpp): the deals behind the units' statuses, and leads.
Result<void> AddDemoSales(SalesModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, jobs); it must outlive the server.
platform::Manifest BuildManifest(SalesModule& module);

}  // namespace hearth::sales
