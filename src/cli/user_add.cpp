#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "platform/directory.hpp"

namespace hearth::cli {

int UserAdd(const Config& config, const UserAddOptions& options) {
  App app(config);
  if (auto ready = app.Prepare(); !ready) return ReportError(ready.error());
  const std::string password = ReadNewPassword();
  auto created = app.db->Transact([&](db::Tx& tx) -> Result<platform::User> {
    auto unit = platform::directory::UnitOrFirstGroup(tx, options.org_unit_id);
    if (!unit) return FailField("org_unit_id", "not_found");
    platform::CreateUser cmd{options.username, password, options.display_name, options.roles, unit->id,
                             std::nullopt, std::nullopt};
    RequestContext ctx;
    ctx.request_id = "cli:user-add";
    return app.platform->users.CreateUnchecked(tx, ctx, cmd, *unit);
  });
  if (!created) return ReportError(created.error());
  std::cout << "created user " << created->username << " (id " << created->id << ")\n";
  return 0;
}

int UserPassword(const Config& config, const std::string& username) {
  App app(config);
  if (auto ready = app.Prepare(); !ready) return ReportError(ready.error());
  RequestContext ctx;
  ctx.request_id = "cli:user-password";
  auto reset = app.platform->users.ResetPasswordUnchecked(ctx, username, ReadNewPassword());
  if (!reset) return ReportError(reset.error());
  std::cout << "set the password of " << reset->username << " (id " << reset->id << "); the account is unlocked\n";
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
