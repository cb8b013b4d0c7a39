#include "modules/service/mass_alerts/mass_alerts.hpp"

#include "db/columns.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "modules/service/tickets/ticket_service.hpp"
#include "platform/org_scope.hpp"

namespace hearth::service {

namespace {

constexpr std::string_view kSettings =
    "SELECT mass_threshold, mass_window_hours FROM service_settings WHERE tenant_id = $1";
constexpr std::string_view kPutSettings = R"sql(
INSERT INTO service_settings (tenant_id, mass_threshold, mass_window_hours, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
ON CONFLICT (tenant_id) DO UPDATE SET mass_threshold = excluded.mass_threshold,
  mass_window_hours = excluded.mass_window_hours, version = service_settings.version + 1, updated_at = excluded.updated_at)sql";
// The project's recent tickets under one top-level category, and their unit (for the building).
constexpr std::string_view kRecent = R"sql(
SELECT t.id, t.unit_id FROM tickets t
 WHERE t.project_id = $1 AND t.category_root_id = $4 AND t.created_at >= $3 AND +t.tenant_id = $2
   AND t.status <> 'cancelled')sql";
constexpr std::string_view kOpenAlert = R"sql(
SELECT id, ticket_count FROM mass_alerts WHERE project_id = $1 AND category_id = $2 AND status <> 'closed'
   AND ((CAST($3 AS TEXT) IS NULL AND building IS NULL) OR building = $3))sql";
constexpr std::string_view kInsertAlert = R"sql(
INSERT INTO mass_alerts (tenant_id, org_unit_id, project_id, building, category_id, ticket_count, proposed_grade, status,
                         created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8) RETURNING id)sql";
constexpr std::string_view kUpdateCount = R"sql(
UPDATE mass_alerts SET ticket_count = $2, proposed_grade = $3, version = version + 1, updated_at = $4 WHERE id = $1)sql";
constexpr std::string_view kLink =
    "INSERT INTO mass_alert_tickets (alert_id, ticket_id) VALUES ($1, $2) ON CONFLICT (alert_id, ticket_id) DO NOTHING";
const db::Columns<MassAlert> kAlertColumns{
    {"id", &MassAlert::id},
    {"tenant_id", &MassAlert::tenant_id},
    {"org_unit_id", &MassAlert::org_unit_id},
    {"project_id", &MassAlert::project_id},
    {"building", &MassAlert::building},
    {"category_id", &MassAlert::category_id},
    {"ticket_count", &MassAlert::ticket_count},
    {"proposed_grade", &MassAlert::proposed_grade, kTicketGrades},
    {"status", &MassAlert::status, kMassAlertStatuses},
    {"note", &MassAlert::note},
    {"version", &MassAlert::version},
    {"created_at", &MassAlert::created_at},
    {"updated_at", &MassAlert::updated_at},
};
const std::string kFind = "SELECT " + kAlertColumns.List("a") + R"sql(, o.path FROM mass_alerts a)sql" HEARTH_JOIN_ORG_UNIT("a") R"sql(
 WHERE a.id = $1 AND a.tenant_id = $2)sql";
const std::string kList = "SELECT " + kAlertColumns.List("a") + R"sql(, o.path FROM mass_alerts a)sql" HEARTH_JOIN_ORG_UNIT("a") R"sql(
 WHERE a.tenant_id = $1 AND o.path LIKE $2 AND a.id < $3 AND (CAST($5 AS TEXT) IS NULL OR a.status = $5)
 ORDER BY a.id DESC LIMIT $4)sql";
constexpr std::string_view kTicketsOf = "SELECT ticket_id FROM mass_alert_tickets WHERE alert_id = $1 ORDER BY ticket_id";
constexpr std::string_view kDecide = R"sql(
UPDATE mass_alerts SET status = $2, note = COALESCE($3, note), version = version + 1, updated_at = $4 WHERE id = $1)sql";
constexpr std::string_view kGradeTickets = R"sql(
UPDATE tickets SET grade = $2, version = version + 1, updated_at = $3
 WHERE id IN (SELECT ticket_id FROM mass_alert_tickets WHERE alert_id = $1) AND status NOT IN ('closed', 'cancelled'))sql";
constexpr std::string_view kGradeEvents = R"sql(
INSERT INTO ticket_events (tenant_id, ticket_id, at, action, actor_id, detail, created_at, updated_at)
SELECT t.tenant_id, t.id, $3, 'graded', $4, $5, $3, $3 FROM tickets t
 WHERE t.id IN (SELECT ticket_id FROM mass_alert_tickets WHERE alert_id = $1) AND t.grade = $2
   AND t.status NOT IN ('closed', 'cancelled'))sql";

MassAlert AlertFrom(const db::Row& r) { return kAlertColumns.Read(r); }

}  // namespace

boost::json::object ToJson(const MassAlert& a) {
  boost::json::array tickets;
  for (auto id : a.ticket_ids) tickets.push_back(id);
  return {{"id", a.id},
          {"project_id", a.project_id},
          {"building", a.building ? boost::json::value(*a.building) : boost::json::value(nullptr)},
          {"category_id", a.category_id},
          {"org_unit_id", a.org_unit_id},
          {"ticket_count", a.ticket_count},
          {"proposed_grade", kTicketGrades.Name(a.proposed_grade)},
          {"status", kMassAlertStatuses.Name(a.status)},
          {"note", a.note ? boost::json::value(*a.note) : boost::json::value(nullptr)},
          {"ticket_ids", std::move(tickets)},
          {"version", a.version},
          {"created_at", FormatRfc3339(a.created_at)},
          {"updated_at", FormatRfc3339(a.updated_at)}};
}

MassSettings MassAlertService::SettingsOf(db::Tx& tx, std::int64_t tenant_id) {
  auto rows = tx.Execute(kSettings, tenant_id);
  if (rows.empty()) return {};
  return {static_cast<int>(rows.front().Int(0)), static_cast<int>(rows.front().Int(1))};
}

void MassAlertService::OnTicket(db::Tx& tx, const Ticket& t, const std::optional<std::string>& building,
                                const ServiceConfig& config) {
  if (!t.project_id || !t.category_id) return;
  const MassSettings settings = SettingsOf(tx, t.tenant_id);
  const std::int64_t root = config.RootOf(*t.category_id);
  const Timestamp since{t.created_at.ms - static_cast<std::int64_t>(settings.window_hours) * 3'600'000};
  const Timestamp now = clock_.Now();
  // A cluster with an open alert only grows: count one more instead of counting again.
  if (auto open = tx.Execute(kOpenAlert, *t.project_id, root, building); !open.empty()) {
    const std::int64_t alert = open.front().Int(0);
    const std::int64_t count = open.front().Int(1) + 1;
    tx.Execute(kUpdateCount, alert, count, count >= 2 * settings.threshold ? TicketGrade::kMajor : TicketGrade::kHot, now);
    tx.Execute(kLink, alert, t.id);
    return;
  }
  // The cluster: the recent tickets of the category in the project, and of the building when the
  // ticket has one (the buildings are the inventory's to tell).
  const auto rows = tx.Execute(kRecent, *t.project_id, t.tenant_id, since, root);
  std::vector<std::int64_t> units;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (auto unit = rows[i].OptInt(1)) units.push_back(*unit);
  }
  const auto buildings = building ? inventory_.BuildingsOf(tx, t.tenant_id, units) : std::map<std::int64_t, std::string>{};
  std::vector<std::int64_t> cluster;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto unit = rows[i].OptInt(1);
    const auto at = unit ? buildings.find(*unit) : buildings.end();
    if (!building || (at != buildings.end() && at->second == *building)) cluster.push_back(rows[i].Int(0));
  }
  const int count = static_cast<int>(cluster.size());
  if (count < settings.threshold) return;
  const std::int64_t alert = tx.Execute(kInsertAlert, t.tenant_id, t.org_unit_id, *t.project_id, building, root,
                                        static_cast<std::int64_t>(count),
                                        count >= 2 * settings.threshold ? TicketGrade::kMajor : TicketGrade::kHot, now)
                                 .front()
                                 .Int(0);
  for (auto id : cluster) tx.Execute(kLink, alert, id);
  auto to = platform::Notifications::UsersWithRole(tx, t.org_unit_id, {"manager", "admin"});
  notifications_.Notify(tx, t.tenant_id, to, "mass_alert", "群诉预警",
                        std::to_string(count) + " 张同类工单集中出现" + (building ? "于 " + *building + " 栋" : std::string()),
                        "mass_alert", alert);
}

Result<MassSettings> MassAlertService::Settings(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<MassSettings> { return SettingsOf(tx, actor.tenant_id); });
}

Result<MassSettings> MassAlertService::SetSettings(const RequestContext& ctx, const MassSettings& s) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kServiceConfig)) return Forbidden("only administrators change the service configuration");
  if (s.threshold < 2 || s.threshold > 1000) return FailField("mass_threshold", "out_of_range");
  if (s.window_hours < 1 || s.window_hours > 24 * 366) return FailField("mass_window_hours", "out_of_range");
  return db_.Transact([&](db::Tx& tx) -> Result<MassSettings> {
    tx.Execute(kPutSettings, actor.tenant_id, static_cast<std::int64_t>(s.threshold),
               static_cast<std::int64_t>(s.window_hours), clock_.Now());
    audit_.Record(tx, ctx, "service_settings.changed", "service_settings", actor.tenant_id, nullptr,
                  boost::json::object{{"mass_threshold", s.threshold}, {"mass_window_hours", s.window_hours}});
    return s;
  });
}

Result<MassAlert> MassAlertService::InScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, actor.tenant_id);
  if (rows.empty() || !actor.InScope(rows.front().Text(kAlertColumns.size()))) return NotFound("no such alert");
  MassAlert a = AlertFrom(rows.front());
  auto tickets = tx.Execute(kTicketsOf, id);
  for (std::size_t i = 0; i < tickets.size(); ++i) a.ticket_ids.push_back(tickets[i].Int(0));
  return a;
}

Result<platform::Listing<MassAlert>> MassAlertService::List(const RequestContext& ctx,
                                                            std::optional<MassAlertStatus> status, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<MassAlert>> {
    auto rows = tx.Execute(kList, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%",
                           page.after_id.value_or(INT64_MAX), page.limit + 1, status);
    platform::Listing<MassAlert> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(AlertFrom(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const MassAlert& a) { return a.id; });
    for (auto& a : out.items) {
      auto tickets = tx.Execute(kTicketsOf, a.id);
      for (std::size_t i = 0; i < tickets.size(); ++i) a.ticket_ids.push_back(tickets[i].Int(0));
    }
    return out;
  });
}

Result<MassAlert> MassAlertService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return InScope(tx, actor, id); });
}

Result<MassAlert> MassAlertService::Acknowledge(const RequestContext& ctx, std::int64_t id,
                                                std::optional<TicketGrade> grade,
                                                const std::optional<std::string>& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not decide on alerts");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<MassAlert> {
    HEARTH_ASSIGN(MassAlert a, InScope(tx, actor, id));
    if (a.status != MassAlertStatus::kOpen) {
      Error e{ErrorCode::kConflict, "invalid_transition", "only an open alert can be acknowledged", {}, {}};
      e.extra.emplace_back("status", kMassAlertStatuses.Text(a.status));
      return tl::unexpected(std::move(e));
    }
    tx.Execute(kDecide, id, std::string("acknowledged"), note, now);
    if (grade) {
      tx.Execute(kGradeTickets, id, *grade, now);
      tx.Execute(kGradeEvents, id, *grade, now, actor.user_id,
                 boost::json::serialize(boost::json::object{{"grade", kTicketGrades.Name(*grade)}, {"mass_alert", id}}));
    }
    audit_.Record(tx, ctx, "mass_alert.acknowledged", "mass_alert", id, nullptr,
                  boost::json::object{{"grade", grade ? boost::json::value(kTicketGrades.Name(*grade)) : boost::json::value(nullptr)}});
    return InScope(tx, actor, id);
  });
}

Result<MassAlert> MassAlertService::Close(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not decide on alerts");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<MassAlert> {
    HEARTH_ASSIGN(MassAlert a, InScope(tx, actor, id));
    if (a.status == MassAlertStatus::kClosed) {
      Error e{ErrorCode::kConflict, "invalid_transition", "the alert is closed already", {}, {}};
      e.extra.emplace_back("status", kMassAlertStatuses.Text(a.status));
      return tl::unexpected(std::move(e));
    }
    tx.Execute(kDecide, id, std::string("closed"), note, now);
    audit_.Record(tx, ctx, "mass_alert.closed", "mass_alert", id, nullptr, nullptr);
    return InScope(tx, actor, id);
  });
}

}  // namespace hearth::service
