#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/platform_module.hpp"

namespace hearth::inventory {

/// The property inventory module (房源): projects, units, owners, the sales-control board.
struct InventoryModule {
  InventoryModule(db::Database& db, const Clock& clock, platform::Platform& platform,
                  customers::CustomersModule& customers)
      : service(db, clock, platform.audit, platform.orgs, customers.service) {}
  InventoryService service;
};

/// Registers constraints and routes; the module must outlive the router.
void Register(http::Router& router, InventoryModule& module);

}  // namespace hearth::inventory
