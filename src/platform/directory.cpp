#include "platform/directory.hpp"

#include "platform/org_repo.hpp"
#include "platform/roles.hpp"

namespace hearth::platform::directory {

namespace {
constexpr std::string_view kUserInGroup = "SELECT 1 FROM users WHERE id = $1 AND tenant_id = $2";
constexpr std::string_view kEnabledUserInGroup = "SELECT 1 FROM users WHERE id = $1 AND tenant_id = $2 AND NOT disabled";
constexpr std::string_view kParent = "SELECT parent_id FROM org_units WHERE id = $1";
constexpr std::string_view kGroups = "SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id";
constexpr std::string_view kGroupName =
    "SELECT name FROM org_units WHERE id = $1 AND parent_id IS NULL AND tenant_id = id";
constexpr std::string_view kGroupOf = "SELECT tenant_id FROM org_units WHERE id = $1";
constexpr std::string_view kFirstGroup = "SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1";
constexpr std::string_view kDisableUsers =
    "UPDATE users SET disabled = TRUE, version = version + 1, updated_at = $2 WHERE tenant_id = $1 AND NOT disabled";
constexpr std::string_view kEndSessions =
    "UPDATE sessions SET revoked_at = $2 WHERE tenant_id = $1 AND revoked_at IS NULL";
constexpr std::string_view kStopJobs = R"sql(
UPDATE jobs SET status = 'failed', last_error = 'the group moved to another database'
 WHERE tenant_id = $1 AND status IN ('pending', 'running'))sql";
constexpr std::string_view kRolesOf = "SELECT roles FROM users WHERE id = $1 AND tenant_id = $2 AND NOT disabled";
constexpr std::string_view kActorOf = R"sql(
SELECT u.username, u.org_unit_id, o.path, u.roles FROM users u JOIN org_units o ON o.id = u.org_unit_id
 WHERE u.id = $1 AND u.tenant_id = $2 AND NOT u.disabled)sql";
constexpr std::string_view kNamesOf = "SELECT id, username, display_name FROM users WHERE tenant_id = $1 AND id IN ({})";
}  // namespace

bool UserExists(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id, bool enabled_only) {
  return !tx.Execute(enabled_only ? kEnabledUserInGroup : kUserInGroup, user_id, tenant_id).empty();
}

std::map<std::int64_t, std::string> UnitNamesOf(db::Tx& tx, std::int64_t tenant_id,
                                                const std::vector<std::int64_t>& org_unit_ids) {
  std::map<std::int64_t, std::string> out;
  db::SelectIn(tx, "SELECT id, name FROM org_units WHERE tenant_id = $1 AND id IN ({})", {tenant_id}, org_unit_ids,
               [&](const db::Row& r) { out[r.Int(0)] = r.Text(1); });
  return out;
}

std::optional<std::vector<std::string>> RolesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id) {
  const auto rows = tx.Execute(kRolesOf, user_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return SplitRoles(rows.front().Text(0));
}

std::optional<Actor> ActorOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id) {
  const auto rows = tx.Execute(kActorOf, user_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  auto roles = SplitRoles(r.Text(3));
  const auto permissions = PermissionsOf(roles);
  return Actor{user_id, r.Text(0), tenant_id, r.Int(1), r.Text(2), std::move(roles), permissions, 0};
}

std::map<std::int64_t, UserNames> NamesOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& user_ids) {
  std::map<std::int64_t, UserNames> out;
  db::SelectIn(tx, kNamesOf, {tenant_id}, user_ids, [&](const db::Row& r) { out[r.Int(0)] = {r.Text(1), r.Text(2)}; });
  return out;
}

std::optional<std::int64_t> ParentOf(db::Tx& tx, std::int64_t org_unit_id) {
  const auto rows = tx.Execute(kParent, org_unit_id);
  if (rows.empty()) return std::nullopt;
  return rows.front().OptInt(0);
}

std::vector<std::int64_t> Groups(db::Tx& tx) {
  const auto rows = tx.Execute(kGroups);
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Int(0));
  return out;
}

std::optional<std::string> GroupName(db::Tx& tx, std::int64_t group_id) {
  const auto rows = tx.Execute(kGroupName, group_id);
  if (rows.empty()) return std::nullopt;
  return rows.front().Text(0);
}

std::optional<std::int64_t> GroupOf(db::Tx& tx, std::int64_t org_unit_id) {
  const auto rows = tx.Execute(kGroupOf, org_unit_id);
  if (rows.empty()) return std::nullopt;
  return rows.front().Int(0);
}

std::optional<OrgUnit> UnitOrFirstGroup(db::Tx& tx, std::int64_t org_unit_id) {
  std::int64_t id = org_unit_id;
  if (id == 0) {
    const auto rows = tx.Execute(kFirstGroup);
    if (rows.empty()) return std::nullopt;
    id = rows.front().Int(0);
  }
  const auto group = GroupOf(tx, id);
  if (!group) return std::nullopt;
  return OrgRepo().Find(tx, *group, id);
}

Retired RetireGroup(db::Tx& tx, std::int64_t group_id, Timestamp now) {
  Retired out;
  out.users_disabled = tx.Execute(kDisableUsers, group_id, now).affected;
  out.sessions_ended = tx.Execute(kEndSessions, group_id, now).affected;
  out.jobs_stopped = tx.Execute(kStopJobs, group_id).affected;
  return out;
}

}  // namespace hearth::platform::directory
