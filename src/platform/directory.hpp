#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "platform/org_unit.hpp"

// What any module may ask the platform about users and org units inside its own transaction,
// without naming the platform's tables (docs/architecture.md: table ownership). Each call is one
// indexed query; none checks the caller's permission (the calling use case has done so).
namespace hearth::platform::directory {

/// A user's names as lists show them.
struct UserNames {
  std::string username;
  std::string display_name;
  /// What a page shows: the display name, or the username when there is none.
  const std::string& Shown() const { return display_name.empty() ? username : display_name; }
};

/// True when user `user_id` belongs to group `tenant_id` (`enabled_only`: and is not disabled).
bool UserExists(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id, bool enabled_only);
/// The roles of user `user_id` of the group, when it exists and is enabled.
std::optional<std::vector<std::string>> RolesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id);
/// The enabled user as the services see a caller (roles, permissions, org scope), for work done
/// on a user's behalf outside their requests (a call put through to their desk).
std::optional<Actor> ActorOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id);
/// The names of those of `user_ids` that belong to the group; unknown ids are left out.
std::map<std::int64_t, UserNames> NamesOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& user_ids);
/// Fills `actor_name` of each item from its `actor_id` (a history entry of any module), with one
/// query for the whole list; items of unknown users keep no name.
template <typename Item>
void NameActors(db::Tx& tx, std::int64_t tenant_id, std::vector<Item>& items) {
  std::vector<std::int64_t> ids;
  for (const auto& item : items) {
    if (item.actor_id) ids.push_back(*item.actor_id);
  }
  const auto names = NamesOf(tx, tenant_id, ids);
  for (auto& item : items) {
    auto found = item.actor_id ? names.find(*item.actor_id) : names.end();
    if (found != names.end()) item.actor_name = found->second.Shown();
  }
}

/// The names of those of `org_unit_ids` that belong to the group.
std::map<std::int64_t, std::string> UnitNamesOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& org_unit_ids);

/// The parent of an org unit; nullopt for a group (the root) or an unknown unit.
std::optional<std::int64_t> ParentOf(db::Tx& tx, std::int64_t org_unit_id);
/// Every group (tenant) of the database, by id.
std::vector<std::int64_t> Groups(db::Tx& tx);
/// The name of group `group_id`; nullopt when it is not a group.
std::optional<std::string> GroupName(db::Tx& tx, std::int64_t group_id);
/// The group holding org unit `org_unit_id`; nullopt when there is no such unit.
std::optional<std::int64_t> GroupOf(db::Tx& tx, std::int64_t org_unit_id);
/// Org unit `org_unit_id`, or with 0 the first group (the one `make run` creates): what the
/// command line acts in. nullopt when there is no such unit.
std::optional<OrgUnit> UnitOrFirstGroup(db::Tx& tx, std::int64_t org_unit_id);

/// What RetireGroup stopped.
struct Retired {
  std::int64_t users_disabled = 0;
  std::int64_t sessions_ended = 0;
  std::int64_t jobs_stopped = 0;
};
/// Stops a group that moved to another database: its users disabled, their sessions ended, its
/// pending and running jobs failed. In the caller's transaction; the caller audits.
Retired RetireGroup(db::Tx& tx, std::int64_t group_id, Timestamp now);

}  // namespace hearth::platform::directory
