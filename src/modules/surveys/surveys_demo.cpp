// hearth demo, the surveys part: the group's standard owner survey (two published versions) and
// two waves of it over every demo project's four cohorts, last quarter's closed and this quarter's
// under way, answered as owners answer: each owner's overall view moves their items, quality and
// repairs weigh most on overall satisfaction (the driver analysis finds them), those who answer
// 4–5 mostly say they would rebuy and recommend, and most owners who referred someone after
// answering had said they would recommend. The low answers of this quarter have opened their call-back tickets.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <boost/json/serialize.hpp>

#include "modules/delivery/delivery_common.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "modules/surveys/waves/response_row.hpp"
#include "platform/directory.hpp"
#include "platform/jobs.hpp"
#include "platform/password.hpp"

namespace hearth::surveys {

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000, kChina = 8LL * 3600 * 1000;

struct Rng {
  std::uint64_t state;
  std::uint64_t Next(std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % (n == 0 ? 1 : n);
  }
  double Uniform() { return static_cast<double>(Next(1000000)) / 1000000.0; }
  /// About normal (the sum of three uniforms), mean 0, deviation ~1.
  double Normal() { return (Uniform() + Uniform() + Uniform() - 1.5) * 2.0; }
};

constexpr std::string_view kInsertSurvey = R"sql(
INSERT INTO surveys (tenant_id, org_unit_id, title, description, questions, callback_rule, status, published_version, draft_changed,
                     created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'published', 2, FALSE, $7, $8, $9) RETURNING id)sql";
constexpr std::string_view kInsertVersion = R"sql(
INSERT INTO survey_versions (tenant_id, survey_id, number, title, description, questions, callback_rule, published_by, published_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id)sql";
constexpr std::string_view kInsertWave = R"sql(
INSERT INTO survey_waves (tenant_id, survey_id, version_id, org_unit_id, name, channel, project_ids, cohorts, sample_per_project,
                          exclude_days, exclude_no_consent, send_per_minute, closes_on, status, population, invited, sampling, origin,
                          created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, 'sms', $6, '["prospective","run_in","stable","old"]', $7, 90, FALSE, 300, $8, $9, $10, $11, $12,
        'http://127.0.0.1:8080', $13, $14, $14) RETURNING id)sql";
constexpr std::string_view kInsertInvitation = R"sql(
INSERT INTO survey_invitations (tenant_id, wave_id, survey_id, project_id, org_unit_id, org_path, company_id, unit_id, customer_id, cohort,
                                token, status, sent_at, opened_at, answered_at, reminders, reminded_at, created_at)
VALUES ($1, $2, $3, $4, $5, $18, $6, $7, $8, $9, $10, $11, $12, NULLIF($13, 0), NULLIF($14, 0), $15, NULLIF($16, 0), $17) RETURNING id)sql";
constexpr std::string_view kSetTicket = "UPDATE survey_responses SET ticket_id = $2 WHERE id = $1";

/// How owners rate each item against their overall view (complaints and repairs lag).
const std::map<std::string, double> kItemBias{{"sales", 0.25},   {"amenities", -0.1}, {"environment", 0.2},
                                              {"design", 0.3},   {"quality", -0.25},  {"repairs", -0.4},
                                              {"property", 0.0}, {"complaints", -0.5}, {"club", 0.1}};
/// How much each item weighs on overall satisfaction.
const std::map<std::string, double> kItemWeight{{"quality", 0.3}, {"repairs", 0.22}, {"property", 0.16}, {"complaints", 0.08},
                                                {"sales", 0.05},  {"design", 0.06},  {"environment", 0.05}, {"amenities", 0.05},
                                                {"club", 0.03}};

int Clamp(double v, int lo, int hi) { return std::clamp(static_cast<int>(std::lround(v)), lo, hi); }

}  // namespace

Result<void> AddDemoSurveys(SurveysModule& module, platform::Demo& demo) {
  if (demo.projects.empty() || demo.companies.empty()) return {};
  std::int64_t responses_made = 0, invitations_made = 0, tickets_made = 0;
  struct Low {
    std::int64_t response, customer, unit, project, overall;
  };
  std::vector<Low> lows;
  HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
    Rng rng{demo.seed ^ 0x50e7e75ULL};
    const Timestamp now = module.clock.Now();
    const std::int64_t today = (now.ms + kChina) / kDay;
    const auto managers = platform::Notifications::UsersWithRole(tx, demo.companies.front(), {"manager", "agent"});
    const std::int64_t author = managers.empty() ? 0 : managers.front();
    const auto questions = StandardOwnerSurvey();
    std::vector<Question> first = questions;
    first.pop_back();  // the first version asked no free-text suggestion
    const std::string rule = R"({"at_most":2})";
    const Timestamp v1_at{(today - 200) * kDay - kChina + 10 * 3600 * 1000LL}, v2_at{(today - 120) * kDay - kChina + 10 * 3600 * 1000LL};
    const std::string description = "感谢您抽出约 3 分钟填写本问卷，您的意见将直接用于改进我们的产品与服务。";
    const std::int64_t survey = tx.Execute(kInsertSurvey, demo.tenant_id, demo.tenant_id, std::string(kStandardTitle), description,
                                           boost::json::serialize(ToJson(questions)), rule, author, v1_at, v2_at)
                                    .front()
                                    .Int(0);
    tx.Execute(kInsertVersion, demo.tenant_id, survey, 1, std::string(kStandardTitle), description, boost::json::serialize(ToJson(first)), rule,
               author, v1_at);
    const std::int64_t version = tx.Execute(kInsertVersion, demo.tenant_id, survey, 2, std::string(kStandardTitle), description,
                                            boost::json::serialize(ToJson(questions)), rule, author, v2_at)
                                     .front()
                                     .Int(0);
    // The projects as the inventory named them.
    std::vector<inventory::Project> projects;
    const auto names = module.inventory.NamesOfProjects(tx, demo.tenant_id);
    std::map<std::int64_t, std::int64_t> org_of_project;
    for (const auto& [org_unit, name] : demo.projects) {
      for (const auto& [id, project_name] : names) {
        if (project_name == name) org_of_project[id] = org_unit;
      }
    }
    std::vector<std::int64_t> project_ids;
    for (const auto& [id, org] : org_of_project) project_ids.push_back(id);
    if (project_ids.empty()) return {};
    std::vector<std::int64_t> owners;
    for (const auto& h : module.inventory.Homes(tx, demo.tenant_id)) owners.push_back(h.customer_id);
    const auto referred = module.referrals.ReferredAt(tx, demo.tenant_id, owners);
    std::map<std::int64_t, double> project_mood;
    for (auto p : project_ids) project_mood[p] = (rng.Uniform() - 0.5) * 1.2;
    struct WavePlan {
      std::string name;
      std::int64_t start, closes;
      bool closed;
    };
    const int quarter = static_cast<int>((std::stoi(FormatIsoDate(today).substr(5, 2)) - 1) / 3) + 1;
    const std::string year = FormatIsoDate(today).substr(0, 4);
    const std::vector<WavePlan> waves{
        {fmt::format("{}年第{}季度业主满意度调查", quarter == 1 ? std::to_string(std::stoi(year) - 1) : year, quarter == 1 ? 4 : quarter - 1), today - 100,
         today - 70, true},
        {fmt::format("{}年第{}季度业主满意度调查", year, quarter), today - 20, today + 10, false}};
    constexpr std::int64_t kSample = 60;
    for (std::size_t w = 0; w < waves.size(); ++w) {
      const auto& plan = waves[w];
      const Timestamp created{plan.start * kDay - kChina + 9 * 3600 * 1000LL};
      const std::string wave_today = FormatIsoDate(plan.start);
      boost::json::array plan_json;
      std::int64_t population = 0, invited = 0;
      struct Pick {
        std::int64_t project, org, company, unit, customer;
        Cohort cohort;
        std::string path;
      };
      std::vector<Pick> picks;
      std::set<std::int64_t> in_wave;
      for (auto p : project_ids) {
        const std::int64_t org = org_of_project[p];
        const std::int64_t company = delivery::CompanyOfUnit(tx, org);
        const auto unit_of_project = platform::directory::UnitOrFirstGroup(tx, org);
        const std::string path = unit_of_project ? unit_of_project->path : std::string("/");
        std::map<Cohort, std::vector<std::pair<std::int64_t, std::int64_t>>> buckets;
        std::set<std::int64_t> seen;
        for (const auto& h : module.inventory.OwnedHomes(tx, demo.tenant_id, p)) {
          // A unit delivered after the wave began was not yet delivered then.
          const bool later = h.delivered_on && *h.delivered_on > wave_today;
          const auto cohort = CohortOf(later ? "contracted" : h.status, later ? std::nullopt : h.delivered_on, wave_today);
          if (cohort && !in_wave.contains(h.customer_id) && seen.insert(h.customer_id).second) buckets[*cohort].emplace_back(h.customer_id, h.unit_id);
        }
        for (Cohort c : {Cohort::kProspective, Cohort::kRunIn, Cohort::kStable, Cohort::kOld}) {
          auto& list = buckets[c];
          for (std::size_t i = list.size(); i > 1; --i) std::swap(list[i - 1], list[rng.Next(i)]);
          const auto take = std::min<std::int64_t>(kSample / 4, static_cast<std::int64_t>(list.size()));
          for (std::int64_t i = 0; i < take; ++i) {
            picks.push_back({p, org, company, list[i].second, list[i].first, c, path});
            in_wave.insert(list[i].first);
          }
          population += static_cast<std::int64_t>(list.size());
          invited += take;
          plan_json.push_back(boost::json::object{{"project_id", p}, {"cohort", kCohorts.Name(c)}, {"population", static_cast<std::int64_t>(list.size())},
                                                  {"quota", kSample / 4}, {"sampled", take}});
        }
      }
      const std::string sampling = boost::json::serialize(boost::json::object{
          {"excluded", boost::json::object{{"opted_out", 0}, {"surveyed_recently", 0}, {"no_consent", 0}, {"no_contact", 0}}}, {"plan", std::move(plan_json)}});
      const std::int64_t wave = tx.Execute(kInsertWave, demo.tenant_id, survey, version, demo.tenant_id, plan.name,
                                           boost::json::serialize(boost::json::array(project_ids.begin(), project_ids.end())), kSample,
                                           FormatIsoDate(plan.closes), plan.closed ? "closed" : "open", population, invited, sampling, author, created)
                                       .front()
                                       .Int(0);
      const std::int64_t last_day = std::min(plan.closes, today);
      for (const auto& pick : picks) {
        const Timestamp sent{created.ms + static_cast<std::int64_t>(rng.Next(3600)) * 1000};
        const std::int64_t answer_day = plan.start + static_cast<std::int64_t>(rng.Next(static_cast<std::uint64_t>(std::max<std::int64_t>(1, last_day - plan.start))));
        const Timestamp answered{answer_day * kDay - kChina + (9 + static_cast<std::int64_t>(rng.Next(12))) * 3600 * 1000LL};
        const bool answers = rng.Next(100) < 58;
        const bool opened = answers || rng.Next(100) < 30;
        const bool reminded = !answers && plan.start + 4 <= today;
        const std::int64_t invitation =
            tx.Execute(kInsertInvitation, demo.tenant_id, wave, survey, pick.project, pick.org, pick.company, pick.unit, pick.customer,
                       std::string(kCohorts.Name(pick.cohort)), platform::RandomToken(), answers ? "answered" : "sent", sent.ms,
                       opened ? (answers ? answered.ms - 600000 : sent.ms + 7200000) : std::int64_t{0}, answers ? answered.ms : std::int64_t{0},
                       reminded ? 1 : 0, reminded ? sent.ms + 4 * kDay : std::int64_t{0}, created.ms, pick.path)
                .front()
                .Int(0);
        ++invitations_made;
        if (!answers) continue;
        // The owner's overall view, their project's mood and their cohort's (moving in is the hardest year).
        const double cohort_mood = pick.cohort == Cohort::kProspective ? 0.35 : pick.cohort == Cohort::kRunIn ? -0.45 : pick.cohort == Cohort::kOld ? 0.1 : 0.0;
        // Those who referred someone within the year after answering were mostly promoters.
        bool refers_later = false;
        if (auto it = referred.find(pick.customer); it != referred.end()) {
          for (const Timestamp t : it->second) refers_later = refers_later || (t.ms >= answered.ms && t.ms < answered.ms + 365 * kDay);
        }
        const double view = project_mood[pick.project] + cohort_mood + rng.Normal() * 0.8 + (w == 1 ? 0.1 : 0.0) + (refers_later ? 0.6 : 0.0);
        boost::json::object chain;
        double weighted = 0;
        for (const auto& [item, bias] : kItemBias) {
          const int score = Clamp(4.2 + view + bias + rng.Normal() * 0.6, 1, 5);
          chain[item] = score;
          weighted += kItemWeight.at(item) * score;
        }
        const int overall = Clamp(weighted + 0.15 * view + rng.Normal() * 0.35, 1, 5);
        boost::json::object a{{"overall", overall}, {"chain", std::move(chain)}};
        if (overall <= 2) {
          static const char* kReasons[] = {"房屋质量", "维修不及时", "物业服务", "配套未兑现", "投诉无人处理"};
          boost::json::array reasons{kReasons[rng.Next(5)]};
          if (rng.Next(2) == 0 && reasons.front().as_string() != kReasons[1]) reasons.push_back(kReasons[1]);
          a["low_reasons"] = std::move(reasons);
        }
        const bool rebuy = rng.Uniform() < 1.0 / (1.0 + std::exp(-1.7 * (overall - 3.6)));
        static const char* kRebuyYes[] = {"一定会", "可能会"};
        static const char* kRebuyNo[] = {"不确定", "可能不会", "一定不会"};
        a["rebuy"] = rebuy ? kRebuyYes[rng.Next(2)] : kRebuyNo[overall <= 2 ? 1 + rng.Next(2) : rng.Next(3)];
        a["recommend"] = Clamp(2.0 * overall + 0.3 + rng.Normal() * 1.2, 0, 10);
        if (refers_later && rng.Next(100) < 85) a["recommend"] = 9 + static_cast<int>(rng.Next(2));
        if (w == 1 && rng.Next(4) == 0) {
          static const char* kSaid[] = {"希望加快公共区域维修进度", "小区绿化很好，物业管家很负责", "车位太紧张，建议增加访客车位",
                                        "交付时的问题整改比较及时", "希望多组织业主活动"};
          a["suggestion"] = kSaid[rng.Next(5)];
        }
        const Scored s = Score(w == 1 ? questions : first, a);
        const std::int64_t response =
            InsertResponse(tx, {demo.tenant_id, survey, version, wave, invitation, pick.project, pick.org, pick.path, pick.company,
                                std::string(kCohorts.Name(pick.cohort)), pick.customer, boost::json::serialize(a), answered},
                           s);
        module.customers.AppendTimeline(
            tx, demo.tenant_id,
            {0, pick.customer, answered, "survey", "survey", survey,
             fmt::format("回答满意度调查「{}」：总体满意度 {} 分，推荐意愿 {} 分", kStandardTitle, overall, a["recommend"].as_int64())},
            std::nullopt);
        if (!plan.closed && overall <= 2) lows.push_back({response, pick.customer, pick.unit, pick.project, overall});
        ++responses_made;
      }
    }
    return {};
  }));
  // This quarter's low answers opened their call-back tickets (the survey's rule), as an answer does.
  for (const auto& low : lows) {
    auto opened = module.db.Transact([&](db::Tx& tx) -> Result<void> {
      const RequestContext owner = delivery::OwnerContext(demo.tenant_id, "survey-demo", "127.0.0.1");
      service::TicketInput t;
      t.kind = service::TicketKind::kComplaint;
      t.channel = service::TicketChannel::kWeb;
      t.customer_id = low.customer;
      t.unit_id = low.unit;
      t.project_id = low.project;
      t.title = fmt::format("满意度调查低分回访：总体满意度 {} 分", low.overall);
      t.description = fmt::format("业主在「{}」中给出总体满意度 {} 分，请致电回访。", kStandardTitle, low.overall);
      HEARTH_ASSIGN(const auto ticket, module.tickets.CreateIn(tx, owner, t));
      tx.Execute(kSetTicket, low.response, ticket.id);
      ++tickets_made;
      return {};
    });
    if (!opened) return opened;
  }
  demo.made.push_back(fmt::format("{} survey invitations, {} responses, {} call-back tickets", invitations_made, responses_made, tickets_made));
  return {};
}

}  // namespace hearth::surveys
