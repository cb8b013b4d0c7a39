#include "modules/service/reports/ticket_reports.hpp"

#include "modules/service/tickets/ticket_repo.hpp"

#include <chrono>
#include <map>

#include <boost/json/array.hpp>

#include "modules/service/tickets/ticket_service.hpp"

namespace hearth::service {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kChinaOffsetMs = 8 * 3'600'000;

Timestamp StartOfChinaDay(ChinaDay day) { return Timestamp{day * kDayMs - kChinaOffsetMs}; }

double Round(double v, int digits) {
  double f = 1;
  for (int i = 0; i < digits; ++i) f *= 10;
  return static_cast<double>(static_cast<std::int64_t>(v * f + (v >= 0 ? 0.5 : -0.5))) / f;
}

boost::json::object Counts(const std::map<std::string, std::int64_t>& counts) {
  boost::json::object o;
  for (const auto& [k, v] : counts) o[k] = v;
  return o;
}

}  // namespace

std::optional<ReportPeriod> MonthPeriod(const std::string& month, int half) {
  auto first = ParseChinaDay(month + "-01");
  if (!first || half < 0 || half > 2) return std::nullopt;
  using namespace std::chrono;
  const year_month_day start{sys_days{days{*first}}};
  const year_month_day next_month = start + months(1);
  const ChinaDay next = sys_days(next_month).time_since_epoch().count();
  ReportPeriod p;
  p.first = half == 2 ? *first + 15 : *first;
  p.last = half == 1 ? *first + 14 : next - 1;
  p.due_by = half == 1 ? FormatChinaDay(*first + 17) : FormatChinaDay(next + 2);
  return p;
}

Result<boost::json::object> TicketReports::Report(const RequestContext& ctx, const ReportPeriod& period,
                                                  std::optional<std::int64_t> project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  if (period.last < period.first || period.last - period.first > 366) return FailField("to", "invalid_range");
  const Timestamp now = clock_.Now();
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    ServiceConfig tree;
    tree.categories = config_.CategoryTree(tx, actor.tenant_id);
    const auto& categories = tree.categories;
    std::map<std::string, std::int64_t> kinds, statuses, grades, departments;
    std::map<std::int64_t, std::int64_t> by_category, by_project;
    std::int64_t uncategorized = 0, breached = 0, responded = 0, resolved = 0, resolved_now = 0, called_back = 0,
                 satisfied = 0;
    double response_ms = 0, resolve_ms = 0, satisfaction_sum = 0;
    std::int64_t total = 0;
    repo_->ForEachCreatedBetween(tx, actor.tenant_id, actor.IsAdmin() ? "/" : actor.org_path,
                                StartOfChinaDay(period.first), StartOfChinaDay(period.last + 1), project_id,
                                [&](const Ticket& t) {
      ++total;
      ++kinds[kTicketKinds.Text(t.kind)];
      ++statuses[kTicketStatuses.Text(t.status)];
      ++grades[kTicketGrades.Text(t.grade)];
      ++departments[kDepartments.Text(t.department)];
      if (t.category_id) {
        ++by_category[tree.RootOf(*t.category_id)];
      } else {
        ++uncategorized;
      }
      if (t.project_id) ++by_project[*t.project_id];
      if (SlaBreached(t, now)) ++breached;
      if (t.responded_at) {
        ++responded;
        response_ms += static_cast<double>(t.responded_at->ms - t.created_at.ms);
      }
      if (t.resolved_at) {
        ++resolved_now;
        resolve_ms += static_cast<double>(t.resolved_at->ms - t.created_at.ms);
      }
      if (t.resolved_at || t.satisfaction) ++resolved;  // reached a resolution (a reopened one too)
      if (t.satisfaction) {
        ++called_back;
        satisfaction_sum += *t.satisfaction;
        if (*t.satisfaction >= 3) ++satisfied;
      }
    });
    boost::json::array category_rows;
    for (const auto& [id, count] : by_category) {
      auto it = std::find_if(categories.begin(), categories.end(), [&, id = id](const Category& c) { return c.id == id; });
      category_rows.push_back(boost::json::object{{"category_id", id}, {"name", it == categories.end() ? "" : it->name}, {"count", count}});
    }
    if (uncategorized > 0) category_rows.push_back(boost::json::object{{"category_id", nullptr}, {"name", "未分类"}, {"count", uncategorized}});
    boost::json::array project_rows;
    HEARTH_ASSIGN(const auto names, inventory_.ProjectNames(tx, actor));
    for (const auto& [id, count] : by_project) {
      const auto name = names.find(id);
      project_rows.push_back(boost::json::object{
          {"project_id", id}, {"name", name == names.end() ? std::string() : name->second}, {"count", count}});
    }
    auto rate = [](std::int64_t part, std::int64_t whole) {
      return whole == 0 ? boost::json::value(nullptr) : boost::json::value(Round(static_cast<double>(part) / whole, 4));
    };
    auto hours = [](double ms, std::int64_t n) {
      return n == 0 ? boost::json::value(nullptr) : boost::json::value(Round(ms / n / 3'600'000.0, 2));
    };
    return boost::json::object{
        {"from", FormatChinaDay(period.first)},
        {"to", FormatChinaDay(period.last)},
        {"due_by", period.due_by ? boost::json::value(*period.due_by) : boost::json::value(nullptr)},
        {"total", total},
        {"by_kind", Counts(kinds)},
        {"by_status", Counts(statuses)},
        {"by_grade", Counts(grades)},
        {"by_department", Counts(departments)},
        {"by_category", std::move(category_rows)},
        {"by_project", std::move(project_rows)},
        {"sla", boost::json::object{{"on_time", total - breached}, {"breached", breached},
                                    {"compliance_rate", rate(total - breached, total)}}},
        {"avg_response_hours", hours(response_ms, responded)},
        {"avg_resolve_hours", hours(resolve_ms, resolved_now)},
        {"callback", boost::json::object{{"resolved", resolved},
                                         {"called_back", called_back},
                                         {"rate", rate(called_back, resolved)},
                                         {"avg_satisfaction", called_back == 0 ? boost::json::value(nullptr)
                                                                               : boost::json::value(Round(satisfaction_sum / called_back, 2))},
                                         {"satisfied_rate", rate(satisfied, called_back)}}}};
  });
}

}  // namespace hearth::service
