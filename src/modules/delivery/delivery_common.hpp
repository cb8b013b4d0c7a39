#pragma once
#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/directory.hpp"
#include "platform/roles.hpp"

namespace hearth::delivery {

/// The customer centre's powers over delivery: release a batch over its open risks, veto an open
/// day (managers and administrators).
inline bool ManagesDelivery(const Actor& a) {
  for (const auto& r : a.roles) {
    if (r == "manager" || r == "admin") return true;
  }
  return false;
}

/// The caller's scope as a LIKE pattern over org paths ($n in `o.path LIKE $n`): an administrator's
/// is the whole group.
inline std::string ScopeLike(const Actor& actor) { return (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%"; }

/// Today in China ("YYYY-MM-DD"): the day the module's dates are kept in.
inline std::string ChinaToday(const Clock& clock) {
  constexpr std::int64_t kDay = 24LL * 3600 * 1000, kOffset = 8LL * 3600 * 1000;
  return FormatIsoDate((clock.Now().ms + kOffset) / kDay);
}

/// The company of an org unit as the journey counts it: a project's unit belongs to the company
/// above it; any other unit (a city company, or a project held directly by one) is its own.
inline std::int64_t CompanyOfUnit(db::Tx& tx, std::int64_t org_unit_id) {
  if (auto unit = platform::directory::UnitOrFirstGroup(tx, org_unit_id); unit && unit->kind == "project" && unit->parent_id) {
    return *unit->parent_id;
  }
  return org_unit_id;
}

/// An owner acting through a link (no login: the token is the credential) goes through the same
/// rules as staff, as a caller of the group without a person (user 0); `request_id` names the link.
inline RequestContext OwnerContext(std::int64_t tenant_id, std::string request_id, const std::string& remote_address) {
  RequestContext ctx;
  ctx.request_id = std::move(request_id);
  ctx.remote_address = remote_address;
  ctx.actor = Actor{0, "owner", tenant_id, tenant_id, "/", {"admin"}, platform::PermissionsOf({"admin"}), 0};
  return ctx;
}

}  // namespace hearth::delivery
