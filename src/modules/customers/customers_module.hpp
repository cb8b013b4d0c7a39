#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/customers/import_jobs.hpp"
#include "platform/platform_module.hpp"

namespace hearth::customers {

/// The Customer 360 module: its constraints and routes. Other modules take the service to write
/// timeline events and register merge hooks.
struct CustomersModule {
  CustomersModule(db::Database& db, const Clock& clock, platform::Platform& platform)
      : service(db, clock, platform.audit, platform.orgs), imports(db, clock, service) {}
  CustomerService service;
  ImportJobs imports;  ///< declared after the service it uses: stopped first
};

/// Registers constraints and routes; the module must outlive the router.
void Register(http::Router& router, CustomersModule& module);

}  // namespace hearth::customers
