#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "platform/jobs.hpp"

namespace hearth::platform {

/// A table a module owns (creates in its migrations; no other module's SQL names it).
struct OwnedTable {
  std::string name;
  /// `hearth export-tenant`: the condition on $1 (the group's id) that selects the group's rows.
  /// Empty: the rows are not moved with a group (login sessions, idempotency keys).
  std::string group_rows = "tenant_id = $1";
  /// A derived index the destination rebuilds instead of copying (with SQLite's shadow tables,
  /// whose names start with this one's).
  bool rebuilt = false;
};

/// A kind of job the module handles (platform/jobs.hpp); registered when the module is mounted.
struct JobKind {
  std::string kind;
  JobScheduler::Handler handler;
};

/// `hearth demo`: what was asked and what the modules made so far. Each module's demo step runs
/// in mount order and builds on the earlier ones (org tree → customers → homes → tickets).
struct Demo {
  // Asked for.
  std::string group_name;  ///< the group made on an empty database
  std::int64_t customers = 0;
  std::int64_t events = 0;  ///< timeline events spread over the new customers
  std::int64_t tickets = 0;
  std::uint64_t seed = 0;
  // Made (each module fills its part).
  std::int64_t tenant_id = 0;
  std::vector<std::int64_t> companies;  ///< city companies (customers belong to them)
  std::vector<std::pair<std::int64_t, std::string>> projects;  ///< new project org units and their names
  std::int64_t customers_before = 0;  ///< customers of the group before this run
  std::vector<std::string> made;  ///< "3456 units", for the command's summary line
};

/// Everything a module adds to the server, declared in one place (docs/architecture.md). The
/// composition root (app.cpp) mounts it: the router serves its routes with their access rule and
/// body limit, the scheduler runs its jobs, `hearth migrate` applies the files in its folder's
/// migrations/, start-up runs its seed, and `hearth export-tenant` copies its tables in the
/// order listed (parents before children). The tests read it too: the authorisation matrix and
/// the OpenAPI check (every route), the table-ownership check (its SQL names only its tables).
struct Manifest {
  std::string name = {};    ///< "service"
  std::string folder = {};  ///< under src/: "modules/service"; migrations are in its migrations/
  std::vector<OwnedTable> tables = {};
  std::vector<http::Route> routes = {};
  std::vector<http::Middleware> middleware = {};  ///< around every route of every module (the platform's)
  std::vector<http::Admission> admission = {};    ///< before any body is read (the platform's: who calls)
  std::vector<JobKind> jobs = {};
  std::vector<std::pair<std::string, db::ConstraintMapping>> constraints = {};
  /// Runs at start-up after the migrations, and for a new group: gives every group the
  /// module's defaults it lacks. Must be idempotent.
  std::function<Result<void>()> seed = {};
  /// `hearth demo`: adds the module's demo data for the group in `demo` (pages come alive on
  /// `make run`). Optional.
  std::function<Result<void>(Demo&)> demo = {};

  /// Adds a route: `m.Route({"GET", "/api/v1/things", Permission::kRecordRead}, handler)`.
  void Route(http::RouteSpec spec, http::Handler handler) {
    routes.push_back(http::Route{std::move(spec), std::move(handler), {}});
  }
};

}  // namespace hearth::platform
