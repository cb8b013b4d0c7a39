#include "modules/service/config/config_repo.hpp"

#include "core/hidden_impl.hpp"
#include "platform/org_scope.hpp"

namespace hearth::service {

namespace {

constexpr std::string_view kCategories = R"sql(
SELECT id, tenant_id, parent_id, name, position, active, version, warranty FROM ticket_categories
 WHERE tenant_id = $1 ORDER BY position, id)sql";
constexpr std::string_view kInsertCategory = R"sql(
INSERT INTO ticket_categories (tenant_id, parent_id, name, position, active, warranty, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $7, $6, $6) RETURNING id)sql";
constexpr std::string_view kUpdateCategory = R"sql(
UPDATE ticket_categories SET name = $3, position = $4, active = $5, warranty = $8, version = version + 1, updated_at = $6
 WHERE id = $1 AND tenant_id = $2 AND (CAST($7 AS BIGINT) IS NULL OR version = $7))sql";

constexpr std::string_view kRules = R"sql(
SELECT id, tenant_id, position, name, kind, category_id, grade, project_id, unit_status, department, org_unit_id,
       active, version
  FROM routing_rules WHERE tenant_id = $1 ORDER BY position, id)sql";
constexpr std::string_view kInsertRule = R"sql(
INSERT INTO routing_rules (tenant_id, position, name, kind, category_id, grade, project_id, unit_status, department,
                           org_unit_id, active, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id)sql";
constexpr std::string_view kDeleteRule = "DELETE FROM routing_rules WHERE id = $1 AND tenant_id = $2";
constexpr std::string_view kUpdateRule = R"sql(
UPDATE routing_rules SET position = $3, name = $4, kind = $5, category_id = $6, grade = $7, project_id = $8,
       unit_status = $9, department = $10, org_unit_id = $11, active = $12, updated_at = $13
 WHERE id = $1 AND tenant_id = $2)sql";

constexpr std::string_view kPolicies = R"sql(
SELECT id, tenant_id, name, kind, grade, category_id, response_minutes, resolve_minutes, version
  FROM sla_policies WHERE tenant_id = $1 ORDER BY id)sql";
constexpr std::string_view kInsertPolicy = R"sql(
INSERT INTO sla_policies (tenant_id, name, kind, grade, category_id, response_minutes, resolve_minutes, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id)sql";
constexpr std::string_view kDeletePolicy = "DELETE FROM sla_policies WHERE id = $1 AND tenant_id = $2";
constexpr std::string_view kUpdatePolicy = R"sql(
UPDATE sla_policies SET name = $3, kind = $4, grade = $5, category_id = $6, response_minutes = $7, resolve_minutes = $8,
       version = version + 1, updated_at = $9
 WHERE id = $1 AND tenant_id = $2)sql";

constexpr std::string_view kCalendars = R"sql(
SELECT id, region, day_start_min, day_end_min, version FROM business_calendars
 WHERE tenant_id = $1 AND (CAST($2 AS TEXT) IS NULL OR region = $2) ORDER BY region)sql";
constexpr std::string_view kCalendarDays = "SELECT day, working, name FROM calendar_days WHERE calendar_id = $1 ORDER BY day";
constexpr std::string_view kInsertCalendar = R"sql(
INSERT INTO business_calendars (tenant_id, region, day_start_min, day_end_min, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $5) RETURNING id)sql";
constexpr std::string_view kUpdateCalendarHours = R"sql(
UPDATE business_calendars SET day_start_min = $2, day_end_min = $3, version = version + 1, updated_at = $4 WHERE id = $1)sql";
constexpr std::string_view kPutDay = R"sql(
INSERT INTO calendar_days (calendar_id, day, working, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
ON CONFLICT (calendar_id, day) DO UPDATE SET working = excluded.working, name = excluded.name, updated_at = excluded.updated_at)sql";
constexpr std::string_view kDeleteDay = "DELETE FROM calendar_days WHERE calendar_id = $1 AND day = $2";
constexpr std::string_view kMembers = R"sql(
SELECT user_id, last_assigned_at FROM department_members WHERE tenant_id = $1 AND department = $2 ORDER BY id)sql";
constexpr std::string_view kDeleteMembers = "DELETE FROM department_members WHERE tenant_id = $1 AND department = $2";
constexpr std::string_view kInsertMember = R"sql(
INSERT INTO department_members (tenant_id, department, user_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
ON CONFLICT (tenant_id, department, user_id) DO NOTHING)sql";
constexpr std::string_view kMembersSeeing = R"sql(
SELECT m.user_id FROM department_members m
 WHERE m.tenant_id = $1 AND m.department = $2 AND)sql" HEARTH_USER_ENABLED_SEEING("m.user_id", "$3") R"sql(
 ORDER BY m.user_id)sql";
constexpr std::string_view kNextInRotation = R"sql(
SELECT m.user_id FROM department_members m
 WHERE m.tenant_id = $1 AND m.department = $2 AND)sql" HEARTH_USER_ENABLED_SEEING("m.user_id", "$3") R"sql(
 ORDER BY COALESCE(m.last_assigned_at, 0), m.id LIMIT 1)sql";
constexpr std::string_view kMarkAssigned = R"sql(
UPDATE department_members SET last_assigned_at = $4, updated_at = $4
 WHERE tenant_id = $1 AND department = $2 AND user_id = $3)sql";

}  // namespace
std::vector<Category> ConfigRepo::Categories(db::Tx& tx, std::int64_t tenant_id) {
  auto rows = tx.Execute(kCategories, tenant_id);
  std::vector<Category> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out.push_back({r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), static_cast<int>(r.Int(4)), r.Bool(5), r.Int(6), r.OptText(7)});
  }
  return out;
}

std::int64_t ConfigRepo::InsertCategory(db::Tx& tx, const Category& c, Timestamp now) {
  return tx.Execute(kInsertCategory, c.tenant_id, c.parent_id, c.name, static_cast<std::int64_t>(c.position), c.active, now,
                    c.warranty)
      .front()
      .Int(0);
}

bool ConfigRepo::UpdateCategory(db::Tx& tx, const Category& c, std::optional<std::int64_t> expected_version,
                                 Timestamp now) {
  return tx.Execute(kUpdateCategory, c.id, c.tenant_id, c.name, static_cast<std::int64_t>(c.position), c.active, now,
                    expected_version, c.warranty)
             .affected == 1;
}

std::vector<RoutingRule> ConfigRepo::Rules(db::Tx& tx, std::int64_t tenant_id) {
  auto rows = tx.Execute(kRules, tenant_id);
  std::vector<RoutingRule> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3), kTicketKinds.StoredOptional(r.OptText(4)),
                   r.OptInt(5), kTicketGrades.StoredOptional(r.OptText(6)), r.OptInt(7),
                   inventory::kUnitStatuses.StoredOptional(r.OptText(8)),
                   kDepartments.Stored(r.Text(9)), r.OptInt(10), r.Bool(11), r.Int(12)});
  }
  return out;
}

std::int64_t ConfigRepo::InsertRule(db::Tx& tx, const RoutingRule& r, Timestamp now) {
  return tx.Execute(kInsertRule, r.tenant_id, static_cast<std::int64_t>(r.position), r.name, r.kind, r.category_id,
                    r.grade, r.project_id, r.unit_status, r.department, r.org_unit_id, r.active, now)
      .front()
      .Int(0);
}

bool ConfigRepo::DeleteRule(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  return tx.Execute(kDeleteRule, id, tenant_id).affected == 1;
}

bool ConfigRepo::UpdateRule(db::Tx& tx, const RoutingRule& r, Timestamp now) {
  return tx.Execute(kUpdateRule, r.id, r.tenant_id, static_cast<std::int64_t>(r.position), r.name, r.kind, r.category_id,
                    r.grade, r.project_id, r.unit_status, r.department, r.org_unit_id, r.active, now)
             .affected == 1;
}

std::vector<SlaPolicy> ConfigRepo::Policies(db::Tx& tx, std::int64_t tenant_id) {
  auto rows = tx.Execute(kPolicies, tenant_id);
  std::vector<SlaPolicy> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out.push_back({r.Int(0), r.Int(1), r.Text(2), kTicketKinds.StoredOptional(r.OptText(3)),
                   kTicketGrades.StoredOptional(r.OptText(4)), r.OptInt(5), static_cast<int>(r.Int(6)),
                   static_cast<int>(r.Int(7)), r.Int(8)});
  }
  return out;
}

std::int64_t ConfigRepo::InsertPolicy(db::Tx& tx, const SlaPolicy& p, Timestamp now) {
  return tx.Execute(kInsertPolicy, p.tenant_id, p.name, p.kind, p.grade, p.category_id,
                    static_cast<std::int64_t>(p.response_minutes), static_cast<std::int64_t>(p.resolve_minutes), now)
      .front()
      .Int(0);
}

bool ConfigRepo::DeletePolicy(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  return tx.Execute(kDeletePolicy, id, tenant_id).affected == 1;
}

bool ConfigRepo::UpdatePolicy(db::Tx& tx, const SlaPolicy& p, Timestamp now) {
  return tx.Execute(kUpdatePolicy, p.id, p.tenant_id, p.name, p.kind, p.grade, p.category_id,
                    static_cast<std::int64_t>(p.response_minutes), static_cast<std::int64_t>(p.resolve_minutes), now)
             .affected == 1;
}

std::vector<CalendarRow> ConfigRepo::Calendars(db::Tx& tx, std::int64_t tenant_id) {
  auto rows = tx.Execute(kCalendars, tenant_id, std::optional<std::string>());
  std::vector<CalendarRow> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out.push_back({r.Int(0), r.Text(1), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3)), r.Int(4), {}});
  }
  return out;
}

std::optional<CalendarRow> ConfigRepo::FindCalendar(db::Tx& tx, std::int64_t tenant_id, const std::string& region) {
  auto rows = tx.Execute(kCalendars, tenant_id, region);
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  CalendarRow c{r.Int(0), r.Text(1), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3)), r.Int(4), {}};
  auto days = tx.Execute(kCalendarDays, c.id);
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (auto day = ParseChinaDay(days[i].Text(0))) c.days.push_back({*day, days[i].Bool(1), days[i].Text(2)});
  }
  return c;
}

std::int64_t ConfigRepo::InsertCalendar(db::Tx& tx, std::int64_t tenant_id, const CalendarRow& c, Timestamp now) {
  return tx.Execute(kInsertCalendar, tenant_id, c.region, static_cast<std::int64_t>(c.day_start_min),
                    static_cast<std::int64_t>(c.day_end_min), now)
      .front()
      .Int(0);
}

bool ConfigRepo::UpdateCalendarHours(db::Tx& tx, std::int64_t id, int start_min, int end_min, Timestamp now) {
  return tx.Execute(kUpdateCalendarHours, id, static_cast<std::int64_t>(start_min), static_cast<std::int64_t>(end_min), now)
             .affected == 1;
}

void ConfigRepo::PutDay(db::Tx& tx, std::int64_t calendar_id, const CalendarDay& day, Timestamp now) {
  tx.Execute(kPutDay, calendar_id, FormatChinaDay(day.day), day.working, day.name, now);
}

bool ConfigRepo::DeleteDay(db::Tx& tx, std::int64_t calendar_id, ChinaDay day) {
  return tx.Execute(kDeleteDay, calendar_id, FormatChinaDay(day)).affected == 1;
}

std::vector<ConfigRepo::MemberRow> ConfigRepo::Members(db::Tx& tx, std::int64_t tenant_id, Department department) {
  const auto rows = tx.Execute(kMembers, tenant_id, department);
  std::vector<MemberRow> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    MemberRow m{rows[i].Int(0), std::nullopt};
    m.last_assigned_at = rows[i].OptTime(1);
    out.push_back(m);
  }
  return out;
}

void ConfigRepo::SetMembers(db::Tx& tx, std::int64_t tenant_id, Department department,
                             const std::vector<std::int64_t>& user_ids, Timestamp now) {
  tx.Execute(kDeleteMembers, tenant_id, department);
  for (auto user : user_ids) tx.Execute(kInsertMember, tenant_id, department, user, now);
}

std::vector<std::int64_t> ConfigRepo::MembersSeeing(db::Tx& tx, std::int64_t tenant_id, Department department,
                                                     const std::string& org_path) {
  const auto rows = tx.Execute(kMembersSeeing, tenant_id, department, org_path);
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Int(0));
  return out;
}

std::optional<std::int64_t> ConfigRepo::NextInRotation(db::Tx& tx, std::int64_t tenant_id,
                                                        Department department, const std::string& org_path) {
  const auto rows = tx.Execute(kNextInRotation, tenant_id, department, org_path);
  if (rows.empty()) return std::nullopt;
  return rows.front().Int(0);
}

void ConfigRepo::MarkAssigned(db::Tx& tx, std::int64_t tenant_id, Department department,
                               std::int64_t user_id, Timestamp now) {
  tx.Execute(kMarkAssigned, tenant_id, department, user_id, now);
}

}  // namespace hearth::service

template class hearth::Hidden<hearth::service::ConfigRepo>;  // owned by the module's services (core/hidden.hpp)
