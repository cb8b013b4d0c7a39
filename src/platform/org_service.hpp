#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/audit.hpp"
#include "core/hidden.hpp"
#include "platform/org_unit.hpp"

namespace hearth::platform {

class OrgRepo;  // platform/org_repo.hpp: the module's SQL, not part of this interface

struct CreateOrgUnit {
  std::string name;
  std::string kind;
  std::optional<std::int64_t> parent_id;
};

template <typename T>
struct Listing {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

/// Use cases of the org tree. Every call checks the permission and the caller's scope: a unit
/// outside the caller's subtree answers 404, as if it did not exist.
class OrgService {
 public:
  OrgService(db::Database& db, const Clock& clock, AuditLog& audit) : db_(db), clock_(clock), audit_(audit) {}

  /// Needs kOrgWrite and the parent in scope; the kind must rank below the parent's
  /// (422 "kind": "invalid_for_parent"). Groups are made only by Bootstrap.
  Result<OrgUnit> Create(const RequestContext& ctx, const CreateOrgUnit& cmd);
  Result<OrgUnit> Get(const RequestContext& ctx, std::int64_t id);
  Result<Listing<OrgUnit>> List(const RequestContext& ctx, const Page& page);
  /// Renames; with `expected_version` a stale version answers 409 version_conflict.
  Result<OrgUnit> Rename(const RequestContext& ctx, std::int64_t id, const std::string& name,
                         std::optional<std::int64_t> expected_version);

  /// Creates the root group of a new tenant, without an actor (first start, `hearth demo`).
  OrgUnit CreateGroup(db::Tx& tx, const std::string& name);
  /// The unit `id` of `tenant_id` within the actor's scope, or 404.
  Result<OrgUnit> FindInScope(db::Tx& tx, const Actor& actor, std::int64_t id);

 private:
  db::Database& db_;
  const Clock& clock_;
  AuditLog& audit_;
  Hidden<OrgRepo> repo_;
};

}  // namespace hearth::platform
