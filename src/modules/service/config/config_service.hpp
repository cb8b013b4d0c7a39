#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/hidden.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/service/config/business_calendar.hpp"
#include "modules/service/config/service_config.hpp"
#include "platform/audit.hpp"

namespace hearth::service {

class ConfigRepo;  // modules/service/config/config_repo.hpp: the part's SQL, not part of this interface

/// The service configuration administrators edit: the category tree, routing rules, SLA
/// policies, business calendars and department members; and, for the other parts of the module,
/// the whole configuration of a group as one cached value (tickets route and time themselves by it).
class ConfigService {
 public:
  ConfigService(db::Database& db, const Clock& clock, platform::AuditLog& audit, inventory::InventoryService& inventory);

  Result<std::vector<Category>> Categories(const RequestContext& ctx);
  Result<Category> CreateCategory(const RequestContext& ctx, Category c);
  Result<Category> UpdateCategory(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& name,
                                  std::optional<int> position, std::optional<bool> active,
                                  std::optional<std::int64_t> expected_version);
  Result<std::vector<RoutingRule>> Rules(const RequestContext& ctx);
  Result<RoutingRule> CreateRule(const RequestContext& ctx, RoutingRule r);
  /// Every field as given (a new `position` reorders the rule); 404 for an unknown rule.
  Result<RoutingRule> UpdateRule(const RequestContext& ctx, std::int64_t id, RoutingRule r);
  Result<void> DeleteRule(const RequestContext& ctx, std::int64_t id);
  Result<std::vector<SlaPolicy>> Policies(const RequestContext& ctx);
  Result<SlaPolicy> CreatePolicy(const RequestContext& ctx, SlaPolicy p);
  Result<SlaPolicy> UpdatePolicy(const RequestContext& ctx, std::int64_t id, SlaPolicy p);
  Result<void> DeletePolicy(const RequestContext& ctx, std::int64_t id);
  struct Member {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::optional<Timestamp> last_assigned_at;
  };
  Result<std::vector<Member>> Members(const RequestContext& ctx, Department department);
  /// Replaces the members of a department (administrators); users of the group only.
  Result<std::vector<Member>> SetMembers(const RequestContext& ctx, Department department,
                                         const std::vector<std::int64_t>& user_ids);
  Result<CalendarRow> Calendar(const RequestContext& ctx, const std::string& region);
  Result<CalendarRow> SetHours(const RequestContext& ctx, const std::string& region, int start_min, int end_min);
  Result<CalendarRow> PutDay(const RequestContext& ctx, const std::string& region, const CalendarDay& day);
  Result<CalendarRow> DeleteDay(const RequestContext& ctx, const std::string& region, ChinaDay day);

  /// Gives every tenant without them the default category tree, routing rules, SLA policies,
  /// standard answers and the "CN" calendar with the official holidays (idempotent; start-up).
  Result<void> SeedDefaults();

  // For the module's other parts, in the caller's transaction (no permission check: the caller's
  // use case has made it).

  /// The group's configuration, read at most every two seconds per server; an edit on this
  /// server is seen at once.
  std::shared_ptr<const ServiceConfig> Load(db::Tx& tx, std::int64_t tenant_id);
  /// The category tree as stored now (reports and the case library; not cached).
  std::vector<Category> CategoryTree(db::Tx& tx, std::int64_t tenant_id);
  /// Enabled members of the department whose org unit's subtree holds `org_path`.
  std::vector<std::int64_t> MembersSeeing(db::Tx& tx, std::int64_t tenant_id, Department department,
                                          const std::string& org_path);
  /// Whether the user is a member of the department (enabled or not).
  bool IsMember(db::Tx& tx, std::int64_t tenant_id, Department department, std::int64_t user_id);
  /// Round-robin: the member seeing `org_path` assigned longest ago (or never), marked as
  /// assigned `now`; nullopt when the department has none.
  std::optional<std::int64_t> TakeTurn(db::Tx& tx, std::int64_t tenant_id, Department department,
                                       const std::string& org_path, Timestamp now);

 private:
  /// Inserts (no id) or replaces (id) a rule or a policy, checked and audited alike.
  Result<RoutingRule> SaveRule(const RequestContext& ctx, std::optional<std::int64_t> id, RoutingRule r);
  Result<SlaPolicy> SavePolicy(const RequestContext& ctx, std::optional<std::int64_t> id, SlaPolicy p);
  void ForgetConfig(std::int64_t tenant_id);
  Result<void> RequireConfigRights(const Actor& actor) const;
  /// Checks the caller may change the configuration, runs `change` in a transaction, and drops
  /// the cached configuration.
  template <typename Change>
  std::invoke_result_t<Change, db::Tx&> EditConfig(const RequestContext& ctx, Change&& change);
  bool CategoryExists(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  inventory::InventoryService& inventory_;
  Hidden<ConfigRepo> repo_;
  std::mutex config_mutex_;
  struct Cached {
    std::shared_ptr<const ServiceConfig> config;
    std::int64_t loaded_ms;
  };
  std::unordered_map<std::int64_t, Cached> configs_;
};

}  // namespace hearth::service
