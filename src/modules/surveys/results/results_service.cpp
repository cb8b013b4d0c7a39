#include "modules/surveys/results/results_service.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "core/table_file.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "modules/surveys/results/stats.hpp"
#include "modules/surveys/waves/cohort.hpp"
#include "platform/directory.hpp"

namespace hearth::surveys {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// Every query reads the survey's responses ($1, of group $2) of the caller's projects ($3, an org
// path pattern), narrowed to a wave ($4), a project ($5), a cohort ($6).
// The project's org path is kept on each row: the scope is a prefix test on it, no join.
#define HEARTH_RESPONSES_OF(alias)                                                                                           \
  " WHERE " alias ".survey_id = $1 AND " alias ".tenant_id = $2 AND " alias ".org_path LIKE $3 "                           \
  "AND (CAST($4 AS BIGINT) IS NULL OR " alias ".wave_id = $4) AND (CAST($5 AS BIGINT) IS NULL OR " alias ".project_id = $5) " \
  "AND (CAST($6 AS TEXT) IS NULL OR " alias ".cohort = $6) "

/// The indices' sums by a grouping expression over survey_responses r (none: one row of all).
std::string IndicesBy(std::string_view key) {
  const std::string group = key.empty() ? std::string() : " GROUP BY " + std::string(key);
  return fmt::format(R"sql(
SELECT {} AS k, COUNT(*), SUM(r.satisfied), COUNT(r.satisfied), SUM(r.rebuy), COUNT(r.rebuy), SUM(r.recommend), COUNT(r.recommend),
       SUM(CASE WHEN r.nps >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r.nps <= 6 THEN 1 ELSE 0 END), COUNT(r.nps),
       SUM(CASE WHEN r.satisfied = 1 AND r.rebuy = 1 AND r.recommend = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.satisfied IS NOT NULL AND r.rebuy IS NOT NULL AND r.recommend IS NOT NULL THEN 1 ELSE 0 END),
       AVG(r.overall)
  FROM survey_responses r)sql" HEARTH_RESPONSES_OF("r") "{}",
                     key.empty() ? "0" : key, group);
}
const std::string kOverall = IndicesBy("");
const std::string kByProject = IndicesBy("r.project_id");
const std::string kByCohort = IndicesBy("r.cohort");
const std::string kByCompany = IndicesBy("r.company_id");
const std::string kByWave = IndicesBy("r.wave_id");

// The rows the score card and the drivers add up (in C++: one pass over the rows is several times
// faster than SQLite evaluating nine items' correlation sums per row).
const std::string kItemRows = [] {
  std::string columns;
  for (auto i : kItems) columns += fmt::format(", r.item_{}", i);
  return "SELECT r.project_id, r.cohort, r.satisfied, r.overall" + columns + " FROM survey_responses r" HEARTH_RESPONSES_OF("r");
}();
const std::string kStated = R"sql(
SELECT r.customer_id, r.created_at, r.rebuy, r.recommend FROM survey_responses r)sql"
    HEARTH_RESPONSES_OF("r") " AND (r.rebuy IS NOT NULL OR r.recommend IS NOT NULL)";
const std::string kAnswers = R"sql(
SELECT r.id, r.created_at, r.project_id, r.cohort, r.customer_id, r.answers, i.unit_id FROM survey_responses r
  JOIN survey_invitations i ON i.id = r.invitation_id)sql" HEARTH_RESPONSES_OF("r") " ORDER BY r.id LIMIT $7";
const std::string kWaves = "SELECT id, name, created_at FROM survey_waves WHERE survey_id = $1";
constexpr std::string_view kEvaluations = R"sql(
SELECT r.customer_id, i.unit_id, r.satisfied, r.company_id, v.title FROM survey_responses r
  JOIN survey_invitations i ON i.id = r.invitation_id JOIN survey_versions v ON v.id = r.version_id
 WHERE r.tenant_id = $1 AND r.org_path LIKE $2 AND r.created_at >= $3 AND r.created_at < $4 AND r.satisfied IS NOT NULL)sql";

/// One item's sums over some respondents: those who rated it (points, top two boxes), and those who
/// rated it and overall satisfaction (the correlation's n, Σx, Σy, Σx², Σy², Σxy).
struct ItemSums {
  double rated = 0, points = 0, top = 0, n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  void Add(double x, std::optional<double> overall) {
    rated += 1;
    points += x;
    top += x >= 75 - 1e-9 ? 1 : 0;
    if (!overall) return;
    n += 1;
    sx += x;
    sy += *overall;
    sxx += x * x;
    syy += *overall * *overall;
    sxy += x * *overall;
  }
  void Add(const ItemSums& o) {
    rated += o.rated, points += o.points, top += o.top, n += o.n, sx += o.sx, sy += o.sy, sxx += o.sxx, syy += o.syy, sxy += o.sxy;
  }
};
/// A project × cohort of the score card.
struct Cell {
  std::int64_t responses = 0, satisfied = 0, rated = 0;
  double overall = 0, overall_n = 0;
  std::array<ItemSums, kItems.size()> items{};
};
using Cells = std::map<std::pair<std::int64_t, std::string>, Cell>;

Cells CellsOf(db::Tx& tx, const std::string& sql, std::int64_t survey_id, std::int64_t tenant_id, const std::string& scope,
              const ResultsFilter& f) {
  Cells cells;
  for (const auto& r : tx.Execute(sql, survey_id, tenant_id, scope, f.wave_id, f.project_id, f.cohort)) {
    Cell& c = cells[{r.Int(0), r.Text(1)}];
    ++c.responses;
    if (!r.IsNull(2)) {
      ++c.rated;
      c.satisfied += r.Int(2);
    }
    std::optional<double> overall;
    if (!r.IsNull(3)) {
      overall = r.Real(3);
      c.overall += *overall;
      c.overall_n += 1;
    }
    for (std::size_t k = 0; k < kItems.size(); ++k) {
      if (!r.IsNull(4 + k)) c.items[k].Add(r.Real(4 + k), overall);
    }
  }
  return cells;
}

boost::json::value Round(double v, int places = 4) {
  const double f = std::pow(10.0, places);
  return std::round(v * f) / f;
}

/// The indices of one group from a row of IndicesBy (from column 1).
boost::json::object IndicesOf(const db::Row& r) {
  boost::json::object ci, counts;
  boost::json::object out{{"responses", r.Int(1)}};
  auto share = [&](const char* name, int yes, int n) {
    const auto s = ShareOf(r.Int(yes), r.Int(n));
    out[name] = s ? Round(s->share) : boost::json::value(nullptr);
    ci[name] = s ? boost::json::value(boost::json::array{Round(s->low), Round(s->high)}) : boost::json::value(nullptr);
    counts[name] = boost::json::object{{"yes", r.Int(yes)}, {"n", r.Int(n)}};
  };
  share("satisfaction", 2, 3);
  share("rebuy", 4, 5);
  share("recommend", 6, 7);
  share("loyalty", 11, 12);
  const auto nps = NpsOf(r.Int(8), r.Int(9), r.Int(10));
  out["nps"] = nps ? Round(nps->score, 1) : boost::json::value(nullptr);
  ci["nps"] = nps ? boost::json::value(boost::json::array{Round(nps->low, 1), Round(nps->high, 1)}) : boost::json::value(nullptr);
  counts["nps"] = boost::json::object{{"promoters", r.Int(8)}, {"detractors", r.Int(9)}, {"n", r.Int(10)}};
  out["overall_points"] = r.IsNull(13) ? boost::json::value(nullptr) : Round(r.Real(13), 1);
  out["ci"] = std::move(ci);
  out["counts"] = std::move(counts);
  return out;
}

std::string ScopeOf(const Actor& a) { return (a.IsAdmin() ? std::string("/") : a.org_path) + "%"; }

std::string_view ItemLabel(std::string_view item) {
  static const std::map<std::string_view, std::string_view> kLabels{
      {"sales", "销售"},     {"amenities", "配套"}, {"environment", "环境"}, {"design", "设计"}, {"quality", "质量"},
      {"repairs", "维修"},   {"property", "物业"},  {"complaints", "投诉"},  {"club", "会员"}};
  const auto it = kLabels.find(item);
  return it == kLabels.end() ? item : it->second;
}

}  // namespace

ResultsService::ResultsService(db::Database& db, const Clock& clock, customers::CustomerService& customers,
                               inventory::InventoryService& inventory, sales::DealService& deals, sales::ReferralService& referrals,
                               SurveyService& surveys)
    : db_(db), clock_(clock), customers_(customers), inventory_(inventory), deals_(deals), referrals_(referrals), surveys_(surveys) {}

Result<boost::json::object> ResultsService::Results(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& f) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    HEARTH_ASSIGN(const Survey survey, surveys_.SurveyFor(tx, actor, survey_id));
    const std::string scope = ScopeOf(actor);
    // One row, of zeros when nothing was answered.
    auto rows = tx.Execute(kOverall, survey_id, actor.tenant_id, scope, f.wave_id, f.project_id, f.cohort);
    boost::json::object out = IndicesOf(rows.front());
    out["survey_id"] = survey_id;
    out["title"] = survey.title;
    out["by"] = f.by;
    // What each index reads: the latest version's questions.
    boost::json::object measured;
    if (auto v = surveys_.LatestVersion(tx, survey)) {
      for (Measure m : {Measure::kSatisfaction, Measure::kRebuy, Measure::kRecommend}) {
        const Question* q = QuestionMeasuring(v->questions, m);
        measured[kMeasures.Name(m)] = q ? boost::json::value(q->text) : boost::json::value(nullptr);
      }
    }
    out["measured_by"] = std::move(measured);
    boost::json::array groups;
    if (!f.by.empty()) {
      const std::string& sql = f.by == "project" ? kByProject : f.by == "cohort" ? kByCohort : f.by == "company" ? kByCompany : kByWave;
      std::map<std::int64_t, std::string> names;
      std::map<std::int64_t, Timestamp> wave_at;
      if (f.by == "project") names = inventory_.NamesOfProjects(tx, actor.tenant_id);
      if (f.by == "wave") {
        for (const auto& w : tx.Execute(kWaves, survey_id)) {
          names[w.Int(0)] = w.Text(1);
          wave_at[w.Int(0)] = w.Time(2);
        }
      }
      std::vector<std::int64_t> companies;
      auto group_rows = tx.Execute(sql, survey_id, actor.tenant_id, scope, f.wave_id, f.project_id, f.cohort);
      if (f.by == "company") {
        for (const auto& r : group_rows) companies.push_back(r.Int(0));
        names = platform::directory::UnitNamesOf(tx, actor.tenant_id, companies);
      }
      for (const auto& r : group_rows) {
        boost::json::object g = IndicesOf(r);
        if (f.by == "cohort") {
          const std::string key = r.Text(0);
          g["key"] = key;
          g["name"] = kCohortLabels.Name(kCohorts.Stored(key));
        } else {
          g["key"] = r.Int(0);
          g["name"] = names.contains(r.Int(0)) ? names.at(r.Int(0)) : std::string();
          if (f.by == "wave" && wave_at.contains(r.Int(0))) g["at"] = FormatRfc3339(wave_at.at(r.Int(0)));
        }
        groups.push_back(std::move(g));
      }
      // Cohorts in tenure order, waves in time, the others by name.
      std::sort(groups.begin(), groups.end(), [&](const boost::json::value& a, const boost::json::value& b) {
        if (f.by == "cohort") {
          return static_cast<int>(kCohorts.Stored(a.at("key").as_string())) < static_cast<int>(kCohorts.Stored(b.at("key").as_string()));
        }
        if (f.by == "wave") return a.at("key").as_int64() < b.at("key").as_int64();
        return a.at("name").as_string() < b.at("name").as_string();
      });
    }
    out["groups"] = std::move(groups);
    return out;
  });
}

Result<boost::json::object> ResultsService::Scorecard(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& f) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    HEARTH_TRY(surveys_.SurveyFor(tx, actor, survey_id));
    const std::string scope = ScopeOf(actor);
    const auto projects = inventory_.NamesOfProjects(tx, actor.tenant_id);
    auto name_of = [&](std::int64_t p) { return projects.contains(p) ? projects.at(p) : std::string(); };
    // One row per project × cohort: its respondents and overall satisfaction, then its items.
    std::map<std::pair<std::int64_t, std::string>, boost::json::object> rows;
    std::set<std::string> items;
    for (const auto& [key, c] : CellsOf(tx, kItemRows, survey_id, actor.tenant_id, scope, f)) {
      const auto& [project, cohort] = key;
      const auto satisfied = ShareOf(c.satisfied, c.rated);
      boost::json::object cell_items;
      for (std::size_t k = 0; k < kItems.size(); ++k) {
        const ItemSums& x = c.items[k];
        if (x.rated == 0) continue;
        cell_items[kItems[k]] = boost::json::object{
            {"responses", static_cast<std::int64_t>(x.rated)}, {"points", Round(x.points / x.rated, 1)}, {"satisfied", Round(x.top / x.rated)}};
        items.insert(std::string(kItems[k]));
      }
      rows[key] = boost::json::object{{"project_id", project},
                                      {"project_name", name_of(project)},
                                      {"cohort", cohort},
                                      {"cohort_name", kCohortLabels.Name(kCohorts.Stored(cohort))},
                                      {"responses", c.responses},
                                      {"satisfaction", satisfied ? Round(satisfied->share) : boost::json::value(nullptr)},
                                      {"overall_points", c.overall_n > 0 ? Round(c.overall / c.overall_n, 1) : boost::json::value(nullptr)},
                                      {"items", std::move(cell_items)}};
    }
    boost::json::array item_list, out_rows;
    for (auto item : kItems) {
      if (items.contains(std::string(item))) item_list.push_back(boost::json::object{{"key", item}, {"name", ItemLabel(item)}});
    }
    std::vector<boost::json::object> sorted;
    for (auto& [k, row] : rows) sorted.push_back(std::move(row));
    std::sort(sorted.begin(), sorted.end(), [](const boost::json::object& a, const boost::json::object& b) {
      if (a.at("project_name") != b.at("project_name")) return a.at("project_name").as_string() < b.at("project_name").as_string();
      return static_cast<int>(kCohorts.Stored(a.at("cohort").as_string())) < static_cast<int>(kCohorts.Stored(b.at("cohort").as_string()));
    });
    for (auto& r : sorted) out_rows.push_back(std::move(r));
    return boost::json::object{{"items", std::move(item_list)}, {"rows", std::move(out_rows)}};
  });
}

Result<boost::json::object> ResultsService::Drivers(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& f) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    HEARTH_TRY(surveys_.SurveyFor(tx, actor, survey_id));
    struct Driver {
      std::string item;
      std::int64_t n;
      std::optional<double> importance;
      double points;
      double satisfied;
    };
    // The cells' sums, added up per item over projects and cohorts: the correlation over the
    // respondents who rated the item and overall satisfaction; the points and the share in the top
    // two boxes over all who rated the item.
    std::array<ItemSums, kItems.size()> sums{};
    for (const auto& [key, c] : CellsOf(tx, kItemRows, survey_id, actor.tenant_id, ScopeOf(actor), f)) {
      for (std::size_t k = 0; k < kItems.size(); ++k) sums[k].Add(c.items[k]);
    }
    std::vector<Driver> drivers;
    for (std::size_t k = 0; k < kItems.size(); ++k) {
      const ItemSums& x = sums[k];
      if (x.rated == 0) continue;
      drivers.push_back({std::string(kItems[k]), static_cast<std::int64_t>(x.rated), Correlation(x.n, x.sx, x.sy, x.sxx, x.syy, x.sxy),
                         x.points / x.rated, x.top / x.rated});
    }
    // The quadrant splits at the means: important and scoring below the mean is where to improve first.
    double mean_importance = 0, mean_points = 0;
    int with_importance = 0;
    for (const auto& d : drivers) {
      mean_points += d.points / static_cast<double>(drivers.size());
      if (d.importance) {
        mean_importance += *d.importance;
        ++with_importance;
      }
    }
    if (with_importance > 0) mean_importance /= with_importance;
    boost::json::array items;
    std::sort(drivers.begin(), drivers.end(), [](const Driver& a, const Driver& b) { return a.importance.value_or(-2) > b.importance.value_or(-2); });
    for (const auto& d : drivers) {
      std::string quadrant = "insufficient_data";
      if (d.importance) {
        const bool important = *d.importance >= mean_importance, good = d.points >= mean_points;
        quadrant = important ? (good ? "keep_up" : "improve_first") : (good ? "maintain" : "improve_later");
      }
      items.push_back(boost::json::object{{"item", d.item},
                                          {"name", ItemLabel(d.item)},
                                          {"responses", d.n},
                                          {"importance", d.importance ? Round(*d.importance) : boost::json::value(nullptr)},
                                          {"points", Round(d.points, 1)},
                                          {"satisfied", Round(d.satisfied)},
                                          {"quadrant", quadrant}});
    }
    return boost::json::object{{"method", "pearson"},
                               {"items", std::move(items)},
                               {"mean_importance", Round(mean_importance)},
                               {"mean_points", Round(mean_points, 1)}};
  });
}

Result<boost::json::object> ResultsService::Intent(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& f, int months) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    HEARTH_TRY(surveys_.SurveyFor(tx, actor, survey_id));
    struct Stated {
      std::int64_t customer;
      Timestamp at;
      std::optional<std::int64_t> rebuy, recommend;
    };
    std::vector<Stated> stated;
    std::vector<std::int64_t> customers;
    for (const auto& r : tx.Execute(kStated, survey_id, actor.tenant_id, ScopeOf(actor), f.wave_id, f.project_id, f.cohort)) {
      stated.push_back({r.Int(0), r.Time(1), r.OptInt(2), r.OptInt(3)});
      customers.push_back(r.Int(0));
    }
    std::sort(customers.begin(), customers.end());
    customers.erase(std::unique(customers.begin(), customers.end()), customers.end());
    const auto referred = referrals_.ReferredAt(tx, actor.tenant_id, customers);
    const auto signed_on = deals_.SignedOnOf(tx, actor.tenant_id, customers);
    const std::int64_t window_ms = static_cast<std::int64_t>(months) * 30 * kDayMs + static_cast<std::int64_t>(months) * 5 * kDayMs / 12;
    constexpr std::int64_t kChinaMs = 8LL * 3600 * 1000;
    struct Tally {
      std::int64_t yes_n = 0, yes_acted = 0, no_n = 0, no_acted = 0;
    };
    Tally recommend, rebuy;
    std::int64_t complete = 0;
    for (const auto& s : stated) {
      const Timestamp until{s.at.ms + window_ms};
      if (until.ms <= now.ms) ++complete;
      bool referred_after = false, bought_after = false;
      if (auto it = referred.find(s.customer); it != referred.end()) {
        referred_after = std::any_of(it->second.begin(), it->second.end(), [&](Timestamp t) { return t.ms >= s.at.ms && t.ms < until.ms; });
      }
      if (auto it = signed_on.find(s.customer); it != signed_on.end()) {
        const std::string from = FormatIsoDate((s.at.ms + kChinaMs) / kDayMs), to = FormatIsoDate((until.ms + kChinaMs) / kDayMs);
        bought_after = std::any_of(it->second.begin(), it->second.end(), [&](const std::string& d) { return d >= from && d < to; });
      }
      auto count = [](Tally& t, std::optional<std::int64_t> said, bool acted) {
        if (!said) return;
        if (*said == 1) {
          ++t.yes_n;
          t.yes_acted += acted ? 1 : 0;
        } else {
          ++t.no_n;
          t.no_acted += acted ? 1 : 0;
        }
      };
      count(recommend, s.recommend, referred_after);
      count(rebuy, s.rebuy, bought_after);
    }
    auto side = [](std::int64_t acted, std::int64_t n) {
      const auto s = ShareOf(acted, n);
      return boost::json::object{{"respondents", n},
                                 {"acted", acted},
                                 {"share", s ? Round(s->share) : boost::json::value(nullptr)},
                                 {"ci", s ? boost::json::value(boost::json::array{Round(s->low), Round(s->high)}) : boost::json::value(nullptr)}};
    };
    auto of = [&](const Tally& t, const char* act) {
      const auto yes = ShareOf(t.yes_acted, t.yes_n), no = ShareOf(t.no_acted, t.no_n);
      boost::json::value lift = nullptr;
      if (yes && no && no->share > 0) lift = Round(yes->share / no->share, 2);
      return boost::json::object{{"behaviour", act}, {"said_yes", side(t.yes_acted, t.yes_n)}, {"said_no", side(t.no_acted, t.no_n)}, {"lift", lift}};
    };
    return boost::json::object{{"months", months},
                               {"respondents", static_cast<std::int64_t>(stated.size())},
                               {"window_complete", complete},
                               {"recommend", of(recommend, "referral")},
                               {"rebuy", of(rebuy, "purchase")}};
  });
}

Result<Table> ResultsService::Responses(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& f) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<Table> {
    HEARTH_ASSIGN(const Survey survey, surveys_.SurveyFor(tx, actor, survey_id));
    Table table;
    table.header = {"提交时间", "项目", "房号", "业主", "客户类型"};
    // The columns of the latest questions (a matrix: one per row).
    std::vector<std::pair<std::string, std::string>> columns;  // question key, matrix row key
    const std::vector<Question>& questions = survey.questions;
    for (const auto& q : questions) {
      if (q.kind == QuestionKind::kMatrix) {
        for (const auto& r : q.rows) {
          columns.emplace_back(q.key, r.key);
          table.header.push_back(q.text.substr(0, 60) + " - " + r.text);
        }
      } else {
        columns.emplace_back(q.key, "");
        table.header.push_back(q.text);
      }
    }
    struct Row {
      Timestamp at;
      std::int64_t project, customer, unit;
      std::string cohort, answers;
    };
    std::vector<Row> rows;
    std::vector<std::int64_t> customers, units;
    for (const auto& r : tx.Execute(kAnswers, survey_id, actor.tenant_id, ScopeOf(actor), f.wave_id, f.project_id, f.cohort, kMaxExportRows)) {
      rows.push_back({r.Time(1), r.Int(2), r.Int(4), r.Int(6), r.Text(3), r.Text(5)});
      customers.push_back(r.Int(4));
      units.push_back(r.Int(6));
    }
    const auto cards = customers_.CardsOf(tx, actor.tenant_id, customers);
    const auto codes = inventory_.CodesOf(tx, actor.tenant_id, units);
    const auto projects = inventory_.NamesOfProjects(tx, actor.tenant_id);
    for (const auto& row : rows) {
      std::vector<Table::Cell> cells{FormatRfc3339(row.at), projects.contains(row.project) ? projects.at(row.project) : std::string(),
                                     codes.contains(row.unit) ? codes.at(row.unit) : std::string(),
                                     cards.contains(row.customer) ? cards.at(row.customer).name : std::string(),
                                     std::string(kCohortLabels.Name(kCohorts.Stored(row.cohort)))};
      boost::system::error_code ec;
      const auto parsed = boost::json::parse(row.answers, ec);
      const boost::json::object empty;
      const auto& answers = !ec && parsed.is_object() ? parsed.as_object() : empty;
      for (const auto& [key, sub] : columns) {
        const auto* v = answers.if_contains(key);
        if (v && !sub.empty()) v = v->is_object() ? v->as_object().if_contains(sub) : nullptr;
        if (!v || v->is_null()) {
          cells.emplace_back(std::string());
        } else if (v->is_int64()) {
          cells.emplace_back(v->as_int64());
        } else if (v->is_string()) {
          cells.emplace_back(std::string(v->as_string()));
        } else if (v->is_array()) {
          std::string joined;
          for (const auto& e : v->as_array()) {
            if (e.is_string()) joined += (joined.empty() ? "" : "、") + std::string(e.as_string());
          }
          cells.emplace_back(joined);
        } else {
          cells.emplace_back(std::string());
        }
      }
      table.rows.push_back(std::move(cells));
    }
    return table;
  });
}

std::map<std::int64_t, ResultsService::Opinion> ResultsService::OpinionsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first,
                                                                          std::int64_t last) {
  std::map<std::int64_t, Opinion> out;
  const auto rows = tx.Execute(R"sql(SELECT customer_id, satisfied, rebuy, recommend, nps FROM survey_responses
 WHERE customer_id BETWEEN $2 AND $3 AND tenant_id = $1 ORDER BY customer_id, created_at, id)sql", tenant_id, first, last);
  const auto flag = [](const db::Row& r, std::size_t i) { return r.OptInt(i) ? std::optional<bool>(*r.OptInt(i) != 0) : std::nullopt; };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto nps = rows[i].OptInt(4);
    out[rows[i].Int(0)] = {flag(rows[i], 1), flag(rows[i], 2), flag(rows[i], 3), nps ? std::optional<int>(static_cast<int>(*nps)) : std::nullopt};
  }
  return out;
}

std::vector<delivery::JourneyService::Evaluated> ResultsService::Evaluations(db::Tx& tx, std::int64_t tenant_id, const std::string& path_like,
                                                                             Timestamp from, Timestamp to) {
  std::vector<delivery::JourneyService::Evaluated> out;
  for (const auto& r : tx.Execute(kEvaluations, tenant_id, path_like, from.ms, to.ms)) {
    delivery::JourneyService::Evaluated e;
    e.customer_id = r.Int(0);
    e.unit_id = r.Int(1);
    e.satisfied = r.Int(2) == 1;
    e.company_id = r.Int(3);
    if (!e.satisfied) e.what = fmt::format("满意度调查「{}」未表示满意", r.Text(4));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace hearth::surveys
