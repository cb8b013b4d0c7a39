#pragma once
#include <optional>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "platform/org_unit.hpp"

namespace hearth::platform {

/// SQL of the org_units table. Every method runs in the caller's transaction.
class OrgRepo {
 public:
  /// Inserts the unit and computes its path from `parent` (nullptr for a group, which becomes
  /// its own tenant). Returns the stored unit.
  OrgUnit Insert(db::Tx& tx, const std::string& name, const std::string& kind, const OrgUnit* parent, Timestamp now);
  std::optional<OrgUnit> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// Units whose path starts with `path_prefix`, by id, after `page.after_id`; one more than the limit.
  std::vector<OrgUnit> ListUnder(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, const Page& page);
  /// Renames when the version matches (or `expected_version` is empty); false when it did not.
  bool Rename(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::string& name,
              std::optional<std::int64_t> expected_version, Timestamp now);
  /// Number of org units overall (0 on a new database).
  std::int64_t CountAll(db::Tx& tx);
};

}  // namespace hearth::platform
