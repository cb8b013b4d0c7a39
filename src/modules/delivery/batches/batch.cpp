#include "modules/delivery/batches/batch.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/json.hpp"

namespace hearth::delivery {

int DaysAheadOf(InspectionKind kind) {
  switch (kind) {
    case InspectionKind::kRiskCheck:
      return 90;
    case InspectionKind::kSimulatedAcceptance:
      return 60;
    case InspectionKind::kRecheck:
      return 30;
  }
  return 0;
}

namespace {

/// The day `days` before `date`, or nullopt for a malformed date.
std::optional<std::string> DaysBefore(const std::string& date, int days) {
  const auto d = ParseIsoDate(date);
  if (!d) return std::nullopt;
  return FormatIsoDate(*d - days);
}

}  // namespace

std::vector<Gate> GatesOf(const GateFacts& f) {
  std::vector<Gate> gates;
  for (InspectionKind kind : {InspectionKind::kRiskCheck, InspectionKind::kSimulatedAcceptance, InspectionKind::kRecheck}) {
    Gate g;
    g.key = std::string(WordOf(kind));
    g.label = std::string(kInspectionLabels.Name(kind));
    g.passed = std::find(f.inspections_held.begin(), f.inspections_held.end(), kind) != f.inspections_held.end();
    g.due_on = DaysBefore(f.planned_on, DaysAheadOf(kind));
    g.overdue = !g.passed && g.due_on && *g.due_on < f.today;
    g.detail = g.passed ? "已完成" : fmt::format("交付前 {} 天内完成", DaysAheadOf(kind));
    gates.push_back(std::move(g));
  }
  // The seeds: at least one open day before delivering raw units, two before finished ones.
  auto open_days = [&](const char* key, const char* label, int units, int held, int needed) {
    if (units == 0) return;
    Gate g;
    g.key = key;
    g.label = label;
    g.passed = held >= needed;
    g.due_on = f.planned_on;
    g.overdue = !g.passed && f.planned_on < f.today;
    g.detail = g.passed ? fmt::format("已举办 {} 次", held) : fmt::format("已举办 {} 次，还需 {} 次", held, needed - held);
    g.count = held;
    g.needed = needed;
    gates.push_back(std::move(g));
  };
  open_days("open_days_raw", "毛坯工地开放日", f.raw_units, f.raw_open_days, 1);
  open_days("open_days_finished", "精装工地开放日", f.finished_units, f.finished_open_days, 2);
  Gate blocking;
  blocking.key = "blocking_findings";
  blocking.label = "阻断交付问题";
  blocking.passed = f.open_blocking == 0;
  blocking.blocks = true;
  blocking.count = f.open_blocking;
  blocking.due_on = f.planned_on;
  blocking.overdue = !blocking.passed && f.planned_on < f.today;
  blocking.detail = blocking.passed ? (f.open_other ? fmt::format("无阻断问题；{} 个其他问题未关闭", f.open_other) : "无未关闭问题")
                                    : fmt::format("{} 个阻断问题未关闭", f.open_blocking);
  gates.push_back(std::move(blocking));
  return gates;
}

bool Releasable(const std::vector<Gate>& gates) {
  return std::none_of(gates.begin(), gates.end(), [](const Gate& g) { return g.blocks && !g.passed; });
}

namespace {

boost::json::array GatesJson(const std::vector<Gate>& gates) {
  boost::json::array out;
  for (const auto& g : gates) {
    out.push_back(boost::json::object{{"key", g.key},
                                      {"label", g.label},
                                      {"passed", g.passed},
                                      {"blocks", g.blocks},
                                      {"due_on", JsonOr(g.due_on)},
                                      {"overdue", g.overdue},
                                      {"detail", g.detail},
                                      {"count", g.count},
                                      {"needed", g.needed}});
  }
  return out;
}

}  // namespace

boost::json::object ToJson(const Batch& b, bool with_units) {
  boost::json::object o{{"id", b.id},
                        {"project_id", b.project_id},
                        {"project_name", b.project_name},
                        {"org_unit_id", b.org_unit_id},
                        {"name", b.name},
                        {"planned_on", b.planned_on},
                        {"status", kBatchStatuses.Name(b.status)},
                        {"released_at", JsonTime(b.released_at)},
                        {"released_by", JsonOr(b.released_by)},
                        {"released_by_name", JsonOr(b.released_by_name)},
                        {"override_reason", JsonOr(b.override_reason)},
                        {"unit_count", b.unit_count},
                        {"delivered_count", b.delivered_count},
                        {"open_findings", b.open_findings},
                        {"open_blocking", b.open_blocking},
                        {"releasable", Releasable(b.gates)},
                        {"gates", GatesJson(b.gates)},
                        {"version", b.version},
                        {"created_at", FormatRfc3339(b.created_at)},
                        {"updated_at", FormatRfc3339(b.updated_at)}};
  if (with_units) o["unit_ids"] = boost::json::array(b.unit_ids.begin(), b.unit_ids.end());
  return o;
}

boost::json::object ToJson(const Inspection& i) {
  return {{"id", i.id},
          {"batch_id", i.batch_id},
          {"kind", kInspectionKinds.Name(i.kind)},
          {"on", i.on},
          {"note", i.note},
          {"created_by", i.created_by},
          {"created_by_name", i.created_by_name},
          {"finding_count", i.finding_count},
          {"open_count", i.open_count},
          {"version", i.version},
          {"created_at", FormatRfc3339(i.created_at)},
          {"updated_at", FormatRfc3339(i.updated_at)}};
}

boost::json::object ToJson(const Finding& f) {
  return {{"id", f.id},
          {"inspection_id", f.inspection_id},
          {"inspection_kind", kInspectionKinds.Name(f.inspection_kind)},
          {"batch_id", f.batch_id},
          {"unit_id", f.unit_id},
          {"unit_code", f.unit_code},
          {"location", f.location},
          {"category_id", JsonOr(f.category_id)},
          {"category", f.category},
          {"severity", kSeverities.Name(f.severity)},
          {"description", f.description},
          {"status", kFindingStatuses.Name(f.status)},
          {"closed_at", JsonTime(f.closed_at)},
          {"closed_by", JsonOr(f.closed_by)},
          {"closed_by_name", JsonOr(f.closed_by_name)},
          {"close_note", f.close_note},
          {"photo_count", f.photo_count},
          {"created_by", f.created_by},
          {"created_by_name", f.created_by_name},
          {"version", f.version},
          {"created_at", FormatRfc3339(f.created_at)},
          {"updated_at", FormatRfc3339(f.updated_at)}};
}

}  // namespace hearth::delivery
