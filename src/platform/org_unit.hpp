#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/clock.hpp"

namespace hearth::platform {

/// A node of the org tree: group → region → city company → project (集团/区域/城市公司/项目).
struct OrgUnit {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;  ///< the id of the group at the root
  std::optional<std::int64_t> parent_id;
  std::string kind;  ///< group | region | city | project
  std::string name;
  std::string path;  ///< "/1/4/9/": ids from the root, for scope checks by prefix
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

/// 0 for group … 3 for project; -1 for an unknown kind. A child's rank exceeds its parent's.
int KindRank(std::string_view kind);

boost::json::object ToJson(const OrgUnit& unit);

}  // namespace hearth::platform
