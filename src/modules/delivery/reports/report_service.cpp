#include "modules/delivery/reports/report_service.hpp"

#include <map>

#include <fmt/format.h>

#include "core/json.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/org_scope.hpp"

namespace hearth::delivery {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000, kChinaMs = 8LL * 3600 * 1000;

// The project's report, one statement per part.
constexpr std::string_view kBatches = R"sql(
SELECT b.id, b.name, b.planned_on, b.status, b.released_at, b.override_reason,
       (SELECT COUNT(*) FROM delivery_batch_units u WHERE u.batch_id = b.id),
       (SELECT COUNT(*) FROM handovers h WHERE h.batch_id = b.id AND h.status = 'done')
  FROM delivery_batches b WHERE b.project_id = $1 AND b.tenant_id = $2 ORDER BY b.planned_on, b.id)sql";
constexpr std::string_view kInspections = R"sql(
SELECT i.id, i.batch_id, i.kind, i.on_date, i.note,
       (SELECT COUNT(*) FROM delivery_findings f WHERE f.inspection_id = i.id),
       (SELECT COUNT(*) FROM delivery_findings f WHERE f.inspection_id = i.id AND f.severity = 'blocking'),
       (SELECT COUNT(*) FROM delivery_findings f WHERE f.inspection_id = i.id AND f.status = 'open')
  FROM delivery_inspections i JOIN delivery_batches b ON b.id = i.batch_id
 WHERE b.project_id = $1 AND b.tenant_id = $2 ORDER BY i.on_date, i.id)sql";
constexpr std::string_view kFindingCounts = R"sql(
SELECT f.category, f.severity, f.status, COUNT(*) FROM delivery_findings f JOIN delivery_batches b ON b.id = f.batch_id
 WHERE b.project_id = $1 AND b.tenant_id = $2 GROUP BY f.category, f.severity, f.status)sql";
constexpr std::string_view kOpenBlocking = R"sql(
SELECT f.id, f.batch_id, f.unit_id, f.location, f.category, f.description, f.created_at FROM delivery_findings f
  JOIN delivery_batches b ON b.id = f.batch_id
 WHERE b.project_id = $1 AND b.tenant_id = $2 AND f.status = 'open' AND f.severity = 'blocking' ORDER BY f.id LIMIT 200)sql";
constexpr std::string_view kOpenDays = R"sql(
SELECT on_date, decoration, status, veto_reason, signed_up, checked_in, prep_held_on FROM open_days
 WHERE project_id = $1 AND tenant_id = $2 ORDER BY on_date, id)sql";
constexpr std::string_view kHandovers = R"sql(
SELECT status, COUNT(*) FROM handovers WHERE project_id = $1 AND tenant_id = $2 GROUP BY status)sql";
constexpr std::string_view kRepairs = R"sql(
SELECT COUNT(*) FROM handover_tickets t JOIN handovers h ON h.id = t.handover_id WHERE h.project_id = $1 AND h.tenant_id = $2)sql";
constexpr std::string_view kTitles = R"sql(
SELECT stage, COUNT(*) FROM title_certificates WHERE project_id = $1 AND tenant_id = $2 GROUP BY stage)sql";

// The calendar: what falls on each day, in the caller's scope.
constexpr std::string_view kCalendarBatches = R"sql(
SELECT b.id, b.name, b.planned_on, b.project_id, b.status FROM delivery_batches b)sql" HEARTH_JOIN_ORG_UNIT("b") R"sql(
 WHERE b.tenant_id = $1 AND o.path LIKE $2 AND b.planned_on >= $3 AND b.planned_on <= $4
   AND (CAST($5 AS BIGINT) = 0 OR b.project_id = $5) ORDER BY b.planned_on, b.id)sql";
constexpr std::string_view kCalendarInspections = R"sql(
SELECT i.id, i.on_date, i.kind, b.id, b.name, b.project_id FROM delivery_inspections i JOIN delivery_batches b ON b.id = i.batch_id)sql"
    HEARTH_JOIN_ORG_UNIT("b") R"sql(
 WHERE b.tenant_id = $1 AND o.path LIKE $2 AND i.on_date >= $3 AND i.on_date <= $4
   AND (CAST($5 AS BIGINT) = 0 OR b.project_id = $5) ORDER BY i.on_date, i.id)sql";
constexpr std::string_view kCalendarOpenDays = R"sql(
SELECT d.id, d.on_date, d.decoration, d.status, d.project_id, d.signed_up, d.capacity FROM open_days d)sql" HEARTH_JOIN_ORG_UNIT("d") R"sql(
 WHERE d.tenant_id = $1 AND o.path LIKE $2 AND d.on_date >= $3 AND d.on_date <= $4
   AND (CAST($5 AS BIGINT) = 0 OR d.project_id = $5) ORDER BY d.on_date, d.id)sql";
// Handovers by the China day of their slot: the slot's instant shifted by 8 hours, in whole days.
constexpr std::string_view kCalendarHandovers = R"sql(
SELECT (h.slot_at + 28800000) / 86400000, h.status, COUNT(*) FROM handovers h)sql" HEARTH_JOIN_ORG_UNIT("h") R"sql(
 WHERE h.tenant_id = $1 AND o.path LIKE $2 AND h.slot_at >= $3 AND h.slot_at < $4 AND h.status <> 'cancelled'
   AND (CAST($5 AS BIGINT) = 0 OR h.project_id = $5) GROUP BY 1, 2)sql";
constexpr std::string_view kCalendarSlots = R"sql(
SELECT (s.starts_at + 28800000) / 86400000, SUM(s.capacity), SUM(s.booked) FROM handover_slots s JOIN delivery_batches b ON b.id = s.batch_id)sql"
    HEARTH_JOIN_ORG_UNIT("b") R"sql(
 WHERE b.tenant_id = $1 AND o.path LIKE $2 AND s.starts_at >= $3 AND s.starts_at < $4
   AND (CAST($5 AS BIGINT) = 0 OR b.project_id = $5) GROUP BY 1)sql";

}  // namespace

ReportService::ReportService(db::Database& db, const Clock& clock, inventory::InventoryService& inventory)
    : db_(db), clock_(clock), inventory_(inventory) {}

Result<boost::json::object> ReportService::ProjectReport(const RequestContext& ctx, std::int64_t project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = ChinaToday(clock_);
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    auto project = inventory_.ProjectFor(tx, actor, project_id);
    if (!project) return NotFound("no such project");
    std::map<std::int64_t, std::string> batch_names;
    boost::json::array batches;
    for (const auto& r : tx.Execute(kBatches, project->id, actor.tenant_id)) {
      batch_names[r.Int(0)] = r.Text(1);
      const auto released = r.OptInt(4);
      batches.push_back(boost::json::object{
          {"id", r.Int(0)},
          {"name", r.Text(1)},
          {"planned_on", r.Text(2)},
          {"status", r.Text(3)},
          {"released_at", released ? boost::json::value(FormatRfc3339(Timestamp{*released})) : boost::json::value(nullptr)},
          {"override_reason", JsonOr(r.OptText(5))},
          {"units", r.Int(6)},
          {"delivered", r.Int(7)}});
    }
    boost::json::array inspections;
    for (const auto& r : tx.Execute(kInspections, project->id, actor.tenant_id)) {
      inspections.push_back(boost::json::object{{"id", r.Int(0)},
                                                {"batch_id", r.Int(1)},
                                                {"batch_name", batch_names[r.Int(1)]},
                                                {"kind", r.Text(2)},
                                                {"on", r.Text(3)},
                                                {"note", r.Text(4)},
                                                {"findings", r.Int(5)},
                                                {"blocking", r.Int(6)},
                                                {"open", r.Int(7)}});
    }
    // Findings by category (as recorded; "" when none was chosen) and severity, open and closed.
    std::map<std::string, std::map<std::string, std::int64_t>> by_category;
    std::map<std::string, std::int64_t> by_severity, by_status;
    std::int64_t total = 0;
    for (const auto& r : tx.Execute(kFindingCounts, project->id, actor.tenant_id)) {
      const std::int64_t n = r.Int(3);
      auto& c = by_category[r.Text(0)];
      c["total"] += n;
      c[r.Text(1)] += n;
      if (r.Text(2) == "open") c["open"] += n;
      by_severity[r.Text(1)] += n;
      by_status[r.Text(2)] += n;
      total += n;
    }
    boost::json::array categories;
    for (const auto& [category, c] : by_category) {
      auto count = [&](const char* key) { return c.contains(key) ? c.at(key) : std::int64_t{0}; };
      categories.push_back(boost::json::object{{"category", category},
                                               {"total", count("total")},
                                               {"open", count("open")},
                                               {"blocking", count("blocking")},
                                               {"major", count("major")},
                                               {"minor", count("minor")}});
    }
    std::vector<std::int64_t> units;
    std::vector<boost::json::object> blocking;
    for (const auto& r : tx.Execute(kOpenBlocking, project->id, actor.tenant_id)) {
      units.push_back(r.Int(2));
      blocking.push_back(boost::json::object{{"id", r.Int(0)},
                                             {"batch_name", batch_names[r.Int(1)]},
                                             {"unit_id", r.Int(2)},
                                             {"location", r.Text(3)},
                                             {"category", r.Text(4)},
                                             {"description", r.Text(5)},
                                             {"found_on", FormatIsoDate((r.Int(6) + kChinaMs) / kDayMs)}});
    }
    const auto codes = inventory_.CodesOf(tx, actor.tenant_id, units);
    boost::json::array open_blocking;
    for (auto& f : blocking) {
      const auto unit = f.at("unit_id").as_int64();
      f["unit_code"] = codes.contains(unit) ? codes.at(unit) : "";
      open_blocking.push_back(std::move(f));
    }
    boost::json::array open_days;
    for (const auto& r : tx.Execute(kOpenDays, project->id, actor.tenant_id)) {
      open_days.push_back(boost::json::object{{"on", r.Text(0)},
                                              {"decoration", r.Text(1)},
                                              {"status", r.Text(2)},
                                              {"held", r.Text(2) == "scheduled" && r.Text(0) <= today},
                                              {"veto_reason", JsonOr(r.OptText(3))},
                                              {"signed_up", r.Int(4)},
                                              {"checked_in", r.Int(5)},
                                              {"prep_held_on", JsonOr(r.OptText(6))}});
    }
    boost::json::object handovers{{"booked", 0}, {"in_progress", 0}, {"done", 0}, {"cancelled", 0}};
    for (const auto& r : tx.Execute(kHandovers, project->id, actor.tenant_id)) handovers[r.Text(0)] = r.Int(1);
    handovers["repairs"] = tx.Execute(kRepairs, project->id, actor.tenant_id).front().Int(0);
    boost::json::object titles{{"documents", 0}, {"tax_paid", 0}, {"submitted", 0}, {"issued", 0}, {"handed_over", 0}};
    for (const auto& r : tx.Execute(kTitles, project->id, actor.tenant_id)) titles[r.Text(0)] = r.Int(1);
    auto count = [](const std::map<std::string, std::int64_t>& m, const char* key) { return m.contains(key) ? m.at(key) : std::int64_t{0}; };
    return boost::json::object{
        {"project_id", project->id},
        {"project_name", project->name},
        {"today", today},
        {"generated_at", FormatRfc3339(clock_.Now())},
        {"batches", std::move(batches)},
        {"inspections", std::move(inspections)},
        {"findings", boost::json::object{{"total", total},
                                         {"open", count(by_status, "open")},
                                         {"closed", count(by_status, "closed")},
                                         {"blocking", count(by_severity, "blocking")},
                                         {"major", count(by_severity, "major")},
                                         {"minor", count(by_severity, "minor")},
                                         {"by_category", std::move(categories)},
                                         {"open_blocking", std::move(open_blocking)}}},
        {"open_days", std::move(open_days)},
        {"handovers", std::move(handovers)},
        {"titles", std::move(titles)}};
  });
}

Result<boost::json::object> ReportService::Calendar(const RequestContext& ctx, const std::string& from, const std::string& to,
                                                    std::optional<std::int64_t> project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const auto first = ParseIsoDate(from), last = ParseIsoDate(to);
  if (!first) return FailField("from", "invalid_format");
  if (!last) return FailField("to", "invalid_format");
  if (*last < *first) return FailField("to", "before_from");
  if (*last - *first >= kCalendarDays) return FailField("to", "over_62_days");
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    if (project_id && !inventory_.ProjectFor(tx, actor, *project_id)) return FailField("project_id", "not_found");
    const std::int64_t project = project_id.value_or(0);
    const std::string scope = ScopeLike(actor);
    const auto names = inventory_.NamesOfProjects(tx, actor.tenant_id);
    auto name_of = [&](std::int64_t id) { return names.contains(id) ? names.at(id) : std::string(); };
    std::map<std::int64_t, boost::json::object> days;  // China day → what falls on it
    auto day = [&](std::int64_t d) -> boost::json::object& {
      auto [it, fresh] = days.try_emplace(d);
      if (fresh) {
        it->second = boost::json::object{{"day", FormatIsoDate(d)},
                                         {"batches", boost::json::array()},
                                         {"inspections", boost::json::array()},
                                         {"open_days", boost::json::array()},
                                         {"handovers", boost::json::object{{"booked", 0}, {"in_progress", 0}, {"done", 0}}},
                                         {"slots", boost::json::object{{"capacity", 0}, {"booked", 0}}}};
      }
      return it->second;
    };
    for (const auto& r : tx.Execute(kCalendarBatches, actor.tenant_id, scope, from, to, project)) {
      day(*ParseIsoDate(r.Text(2)))["batches"].as_array().push_back(boost::json::object{
          {"id", r.Int(0)}, {"name", r.Text(1)}, {"project_id", r.Int(3)}, {"project_name", name_of(r.Int(3))}, {"status", r.Text(4)}});
    }
    for (const auto& r : tx.Execute(kCalendarInspections, actor.tenant_id, scope, from, to, project)) {
      day(*ParseIsoDate(r.Text(1)))["inspections"].as_array().push_back(boost::json::object{
          {"id", r.Int(0)}, {"kind", r.Text(2)}, {"batch_id", r.Int(3)}, {"batch_name", r.Text(4)}, {"project_name", name_of(r.Int(5))}});
    }
    for (const auto& r : tx.Execute(kCalendarOpenDays, actor.tenant_id, scope, from, to, project)) {
      day(*ParseIsoDate(r.Text(1)))["open_days"].as_array().push_back(boost::json::object{{"id", r.Int(0)},
                                                                                           {"decoration", r.Text(2)},
                                                                                           {"status", r.Text(3)},
                                                                                           {"project_id", r.Int(4)},
                                                                                           {"project_name", name_of(r.Int(4))},
                                                                                           {"signed_up", r.Int(5)},
                                                                                           {"capacity", JsonOr(r.OptInt(6))}});
    }
    const std::int64_t start_ms = *first * kDayMs - kChinaMs, end_ms = (*last + 1) * kDayMs - kChinaMs;
    for (const auto& r : tx.Execute(kCalendarHandovers, actor.tenant_id, scope, start_ms, end_ms, project)) {
      day(r.Int(0))["handovers"].as_object()[r.Text(1)] = r.Int(2);
    }
    for (const auto& r : tx.Execute(kCalendarSlots, actor.tenant_id, scope, start_ms, end_ms, project)) {
      day(r.Int(0))["slots"] = boost::json::object{{"capacity", r.Int(1)}, {"booked", r.Int(2)}};
    }
    boost::json::array out;
    for (auto& [d, entry] : days) out.push_back(std::move(entry));
    return boost::json::object{{"from", from}, {"to", to}, {"today", ChinaToday(clock_)}, {"days", std::move(out)}};
  });
}

}  // namespace hearth::delivery
