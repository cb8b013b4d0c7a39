#include "platform/platform_module.hpp"

#include <unistd.h>

#include "platform/middleware.hpp"

namespace hearth::platform {

std::string Platform::WorkerName() {
  char host[256] = {0};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid());
}

void Register(http::Router& router, Platform& platform, db::Database& db, const Clock& clock) {
  db::RegisterConstraint("uq_users_username", {"username", "taken", ErrorCode::kConflict, "conflict"});
  db::RegisterConstraint("uq_org_units_parent_name", {"name", "taken", ErrorCode::kConflict, "conflict"});
  db::RegisterConstraint("ck_org_units_kind", {"kind", "invalid_value", ErrorCode::kInvalidArgument, "validation_failed"});
  router.Use(AuthMiddleware(platform.auth, platform.cookies));
  router.Use(IdempotencyMiddleware(db, clock));
  RegisterRoutes(router, platform);
}

Result<bool> Bootstrap(db::Database& db, Platform& platform, const std::string& group_name,
                       const std::string& admin_password) {
  return db.Transact([&](db::Tx& tx) -> Result<bool> {
    if (UserRepo().CountAll(tx) > 0) return false;
    if (admin_password.empty()) return false;
    OrgUnit group = platform.orgs.CreateGroup(tx, group_name);
    CreateUser cmd{"admin", admin_password, "系统管理员", {"admin"}, group.id, std::nullopt, std::nullopt};
    RequestContext ctx;
    ctx.request_id = "bootstrap";
    HEARTH_TRY(platform.users.CreateUnchecked(tx, ctx, cmd, group));
    return true;
  });
}

}  // namespace hearth::platform
