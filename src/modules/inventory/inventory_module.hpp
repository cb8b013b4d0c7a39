#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "platform/manifest.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/platform_module.hpp"

namespace hearth::inventory {

/// The property inventory module (房源): projects, units, owners, the sales-control board.
struct InventoryModule {
  InventoryModule(db::Database& db, const Clock& clock, platform::Platform& platform,
                  customers::CustomersModule& customers)
      : db(db), clock(clock), customers(customers.service), service(db, clock, platform.audit, platform.orgs, customers.service, platform.events) {}
  db::Database& db;
  const Clock& clock;
  customers::CustomerService& customers;  ///< owners' names and timelines
  InventoryService service;
};

/// `hearth demo`, the inventory's part (inventory_demo.cpp): projects, units and owners.
Result<void> AddDemoHomes(InventoryModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, jobs, seed); it must outlive the server.
platform::Manifest BuildManifest(InventoryModule& module);

}  // namespace hearth::inventory
