#include "platform/platform_module.hpp"

#include "platform/directory.hpp"

#include <unistd.h>

#include "platform/middleware.hpp"
#include "platform/password.hpp"
#include "platform/user_repo.hpp"

namespace hearth::platform {

std::string Platform::WorkerName() {
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid());
}

Manifest BuildManifest(Platform& platform, db::Database& db, const Clock& clock) {
  Manifest m{.name = "platform",
             .folder = "platform",
             .tables = {{"org_units"},
                        {"users"},
                        {"sessions", ""},  // not moved with a group: sign in again on the new home
                        {"login_devices", ""},  // nor the devices people signed in on
                        {"idempotency_keys", ""},  // a retry goes to the old home
                        {"audit_log"},
                        {"audit_journal_marks", ""},  // how far each process's journal is written: not a group's
                        {"jobs"},
                        {"notifications"},
                        {"messages"},
                        {"attachments"},
                        {"attachment_contents", "attachment_id IN (SELECT id FROM attachments WHERE tenant_id = $1)"}}};
  m.constraints = {{"uq_users_username", {"username", "taken", ErrorCode::kConflict, "conflict"}},
                   {"uq_org_units_parent_name", {"name", "taken", ErrorCode::kConflict, "conflict"}},
                   {"ck_org_units_kind", {"kind", "invalid_value", ErrorCode::kInvalidArgument, "validation_failed"}}};
  m.admission = {AuthAdmission(platform.auth, platform.cookies)};
  m.middleware = {IdempotencyMiddleware(db, clock)};
  m.demo = [&db, &platform, &clock](Demo& demo) { return AddDemo(db, platform, clock, demo); };
  AddRoutes(m, platform);
  return m;
}

Result<Bootstrapped> Bootstrap(db::Database& db, Platform& platform, const std::string& group_name,
                               const std::string& admin_password) {
  return db.Transact([&](db::Tx& tx) -> Result<Bootstrapped> {
    UserRepo users;
    // A group made by `hearth group add` has an administrator of another name: no `admin` then.
    const auto admin = users.FindForLogin(tx, "admin");
    if (admin || users.AnyAdministrator(tx)) {
      // Restarting with the password admin has (`make run` every time) is no news.
      if (admin_password.empty() || (admin && VerifyPassword(admin_password, admin->second))) return Bootstrapped::kNothing;
      return Bootstrapped::kPasswordIgnored;
    }
    if (admin_password.empty()) return Bootstrapped::kNoAdministrator;
    const auto first = directory::UnitOrFirstGroup(tx, 0);
    const OrgUnit group = first ? *first : platform.orgs.CreateGroup(tx, group_name);
    CreateUser cmd{"admin", admin_password, "系统管理员", {"admin"}, group.id, std::nullopt, std::nullopt};
    RequestContext ctx;
    ctx.request_id = "bootstrap";
    HEARTH_TRY(platform.users.CreateUnchecked(tx, ctx, cmd, group));
    return Bootstrapped::kCreated;
  });
}

}  // namespace hearth::platform
