#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/service/config/business_calendar.hpp"
#include "modules/service/config/service_config.hpp"

namespace hearth::service {

/// SQL of the service configuration: categories, routing rules, SLA policies, business calendars
/// and department members. Every method runs in the caller's transaction.
class ConfigRepo {
 public:
  std::vector<Category> Categories(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertCategory(db::Tx& tx, const Category& c, Timestamp now);
  bool UpdateCategory(db::Tx& tx, const Category& c, std::optional<std::int64_t> expected_version, Timestamp now);

  std::vector<RoutingRule> Rules(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertRule(db::Tx& tx, const RoutingRule& r, Timestamp now);
  bool DeleteRule(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// Every field of rule `r.id` of `r.tenant_id`; false when there is no such rule.
  bool UpdateRule(db::Tx& tx, const RoutingRule& r, Timestamp now);

  std::vector<SlaPolicy> Policies(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertPolicy(db::Tx& tx, const SlaPolicy& p, Timestamp now);
  bool DeletePolicy(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  bool UpdatePolicy(db::Tx& tx, const SlaPolicy& p, Timestamp now);

  std::optional<CalendarRow> FindCalendar(db::Tx& tx, std::int64_t tenant_id, const std::string& region);
  std::vector<CalendarRow> Calendars(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertCalendar(db::Tx& tx, std::int64_t tenant_id, const CalendarRow& c, Timestamp now);
  bool UpdateCalendarHours(db::Tx& tx, std::int64_t id, int start_min, int end_min, Timestamp now);
  void PutDay(db::Tx& tx, std::int64_t calendar_id, const CalendarDay& day, Timestamp now);
  bool DeleteDay(db::Tx& tx, std::int64_t calendar_id, ChinaDay day);

  /// A member of a department (the names come from the platform's directory).
  struct MemberRow {
    std::int64_t user_id = 0;
    std::optional<Timestamp> last_assigned_at;
  };
  std::vector<MemberRow> Members(db::Tx& tx, std::int64_t tenant_id, Department department);
  /// Replaces the department's members.
  void SetMembers(db::Tx& tx, std::int64_t tenant_id, Department department,
                  const std::vector<std::int64_t>& user_ids, Timestamp now);
  /// Enabled members whose org unit's subtree holds `org_path` (who can see such a ticket).
  std::vector<std::int64_t> MembersSeeing(db::Tx& tx, std::int64_t tenant_id, Department department,
                                          const std::string& org_path);
  /// Round-robin: the enabled member seeing `org_path` assigned longest ago (or never).
  std::optional<std::int64_t> NextInRotation(db::Tx& tx, std::int64_t tenant_id, Department department,
                                             const std::string& org_path);
  void MarkAssigned(db::Tx& tx, std::int64_t tenant_id, Department department, std::int64_t user_id,
                    Timestamp now);
};

}  // namespace hearth::service
