#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "platform/org_repo.hpp"

namespace hearth::cli {

int UserAdd(const Config& config, const UserAddOptions& options) {
  App app(config);
  if (auto ready = app.Prepare(); !ready) return ReportError(ready.error());
  const std::string password = ReadNewPassword();
  auto created = app.db->Transact([&](db::Tx& tx) -> Result<platform::User> {
    std::int64_t unit_id = options.org_unit_id;
    if (unit_id == 0) {
      auto rows = tx.Execute("SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1");
      if (!rows.empty()) unit_id = rows.front().Int(0);
    }
    auto tenant = tx.Execute("SELECT tenant_id FROM org_units WHERE id = $1", unit_id);
    if (tenant.empty()) {
      return FailField("org_unit_id", "not_found");
    }
    auto unit = platform::OrgRepo().Find(tx, tenant.front().Int(0), unit_id);
    if (!unit) return FailField("org_unit_id", "not_found");
    platform::CreateUser cmd{options.username, password, options.display_name, options.roles, unit_id,
                             std::nullopt, std::nullopt};
    RequestContext ctx;
    ctx.request_id = "cli:user-add";
    return app.platform->users.CreateUnchecked(tx, ctx, cmd, *unit);
  });
  if (!created) return ReportError(created.error());
  std::cout << "created user " << created->username << " (id " << created->id << ")\n";
  return 0;
}

int ReportError(const Error& error) {
  std::cerr << "hearth: " << error.message;
  for (const auto& f : error.fields) std::cerr << " [" << f.field << ": " << f.reason << "]";
  std::cerr << "\n";
  return 1;
}

std::string ReadNewPassword() {
  if (const char* env = std::getenv("HEARTH_USER_PASSWORD"); env && *env) return env;
  std::string password;
  std::getline(std::cin, password);
  return password;
}

}  // namespace hearth::cli
