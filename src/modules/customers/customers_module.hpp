#pragma once
#include "db/database.hpp"
#include "http/router.hpp"
#include "platform/manifest.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/customers/import_jobs.hpp"
#include "platform/platform_module.hpp"

namespace hearth::customers {

/// The Customer 360 module: its constraints and routes. Other modules take the service to write
/// timeline events and register merge hooks.
struct CustomersModule {
  CustomersModule(db::Database& db, const Clock& clock, platform::Platform& platform)
      : db(db), clock(clock), service(db, clock, platform.audit, platform.orgs), imports(db, clock, service) {}
  db::Database& db;
  const Clock& clock;
  CustomerService service;
  ImportJobs imports;  ///< declared after the service it uses: stopped first
};

/// What the module adds to the server (routes, tables, jobs, seed); it must outlive the server.
platform::Manifest BuildManifest(CustomersModule& module);

}  // namespace hearth::customers
