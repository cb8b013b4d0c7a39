#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "modules/customers/customer_repo.hpp"
#include "platform/directory.hpp"
#include "platform/roles.hpp"

namespace hearth::cli {

int ImportCustomers(const Config& config, const ImportCommand& command) {
  std::ifstream in(command.file, std::ios::binary);
  if (!in) {
    std::cerr << "hearth: cannot read " << command.file << "\n";
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  // A bulk load: a page cache that holds the indexes a batch touches (this process's memory,
  // not the server's).
  Config bulk = config;
  bulk.db_cache_kib = std::max(config.db_cache_kib, command.cache_mib * 1024);
  App app(bulk);
  if (auto ready = app.Prepare(); !ready) {
    std::cerr << "hearth: " << ready.error().message << "\n";
    return 1;
  }
  // The command line acts as an administrator of the group that owns the target unit.
  auto unit = app.db->Read([&](db::Tx& tx) { return platform::directory::UnitOrFirstGroup(tx, command.org_unit_id); });
  if (!unit) {
    std::cerr << "hearth: no such org unit (run with HEARTH_ADMIN_PASSWORD on a new database, or pass --org-unit)\n";
    return 1;
  }
  RequestContext ctx;
  ctx.request_id = "cli:import";
  ctx.actor = Actor{0, "cli", unit->tenant_id, unit->id, unit->path, {"admin"}, platform::PermissionsOf({"admin"}), 0};
  customers::ImportOptions options;
  options.dry_run = command.dry_run;
  options.merge_duplicates = command.merge;
  options.batch_rows = command.batch_rows;
  options.org_unit_id = unit->id;
  const auto started = std::chrono::steady_clock::now();
  auto report = app.customers->service.Import(ctx, bytes, options, [&](std::int64_t done, std::int64_t total) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format("\rimporting: {}/{} rows ({:.0f} rows/s)", done, total, done / std::max(s, 0.001))
              << std::flush;
  });
  std::cerr << "\n";
  if (!report) return ReportError(report.error());
  if (!command.dry_run && report->rows >= 100000) {
    std::cerr << "compacting the search index…\n";
    app.db->Transact([](db::Tx& tx) -> Result<void> { customers::CustomerRepo::CompactIndex(tx); return {}; });
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << fmt::format("{} rows in {:.2f} s ({:.0f} rows/s){}\n", report->rows, s, report->rows / std::max(s, 0.001),
                           command.dry_run ? ", dry run: nothing written" : "");
  std::cout << boost::json::serialize(customers::ToJson(*report)) << std::endl;
  return 0;
}

}  // namespace hearth::cli
