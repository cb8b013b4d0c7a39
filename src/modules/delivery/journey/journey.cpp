#include "modules/delivery/journey/journey.hpp"

#include <algorithm>
#include <cmath>

#include "core/json.hpp"

namespace hearth::delivery {

std::string StepName(int step) { return step >= 1 && step <= 8 ? std::string(kStepNames[step - 1]) : std::string(); }

boost::json::object ToJson(const Touch& t) {
  return {{"id", t.id},
          {"company_id", JsonOr(t.company_id)},
          {"code", t.code},
          {"step", t.step},
          {"step_name", StepName(t.step)},
          {"name", t.name},
          {"description", t.description},
          {"standard", t.standard},
          {"trigger", kTriggers.Name(t.trigger)},
          {"offset_days", t.offset_days},
          {"team", kTeams.Name(t.team)},
          {"active", t.active},
          {"position", t.position},
          {"version", t.version},
          {"created_at", FormatRfc3339(t.created_at)},
          {"updated_at", FormatRfc3339(t.updated_at)}};
}

std::vector<Touch> DefaultPlaybook() {
  using enum Trigger;
  using enum Team;
  struct Row {
    const char* code;
    int step;
    const char* name;
    const char* description;
    bool standard;
    Trigger trigger;
    int offset;
    Team team;
  };
  static const Row rows[] = {
      {"disclosure_check", 1, "核对不利因素公示签收", "签约当日核对买受人已签收项目不利因素公示，存档签收页", true, kContractSigned, 0, kSales},
      {"contract_explained", 2, "讲解合同与交付标准", "签约时逐条讲解合同条款、交付标准与付款计划", true, kContractSigned, 0, kSales},
      {"welcome_call", 2, "签约欢迎回访", "签约后一周内客关电话回访，核对信息、介绍客服渠道", true, kContractSigned, 7, kCustomerRelations},
      {"signing_gift", 2, "签约纪念礼", "寄送签约纪念礼与业主手册", false, kContractSigned, 30, kCustomerRelations},
      {"progress_letter", 3, "工程进度通报", "每季度寄送工程进度信与现场照片", true, kConstructionQuarter, 0, kCustomerRelations},
      {"open_day_invite", 3, "工地开放日邀请", "开放日前两周邀请准业主报名参观", true, kOpenDay, -14, kCustomerRelations},
      {"family_day", 3, "准业主家庭日", "签约半年后邀请准业主参加社区活动", false, kContractSigned, 180, kCustomerRelations},
      {"delivery_notice", 4, "寄送交付通知书", "计划交付日前 30 天寄送交付通知书与收房指引", true, kBatchPlanned, -30, kCustomerRelations},
      {"delivery_callback", 4, "交付后电话回访", "交付后 30 天内回访全部业主，了解收房与维修情况", true, kDelivered, 30, kCustomerRelations},
      {"home_visit", 4, "交付后入户拜访", "交付后半年内入户拜访（不少于 10% 的户数，最多 60 户）", false, kDelivered, 150, kCustomerRelations},
      {"owner_meeting", 5, "业主恳谈会邀请", "入住每满一年邀请业主参加恳谈会，听取意见", true, kAnniversary, 0, kCustomerRelations},
      {"festival_greeting", 5, "节日问候", "入住周年前后的节日问候与社区活动通知", false, kAnniversary, -20, kProperty},
      {"warranty_reminder", 6, "保修期届满提醒", "两年保修期届满前一个月提醒业主报修遗留问题", true, kDelivered, 700, kCustomerRelations},
      {"fund_statement", 7, "一路同行基金公示", "每年向业主公示一路同行基金的收支与改造项目", false, kAnniversary, 30, kCustomerRelations},
      {"four_year_visit", 8, "四年之约回访", "交付后每四年拜访一次业主，了解房屋与社区状况", true, kFourYear, 0, kCustomerRelations},
  };
  std::vector<Touch> out;
  int position = 0;
  for (const auto& r : rows) {
    Touch t;
    t.code = r.code;
    t.step = r.step;
    t.name = r.name;
    t.description = r.description;
    t.standard = r.standard;
    t.trigger = r.trigger;
    t.offset_days = r.offset;
    t.team = r.team;
    t.position = position++;
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::int64_t> DueDays(Trigger trigger, int offset, const Milestones& m, std::int64_t from, std::int64_t to) {
  std::vector<std::int64_t> out;
  auto add = [&](std::int64_t day) {
    if (day >= from && day <= to) out.push_back(day);
  };
  switch (trigger) {
    case Trigger::kContractSigned:
      add(m.signed_on + offset);
      break;
    case Trigger::kConstructionQuarter:
      // Every 90 days after the contract while the keys are still to come.
      for (std::int64_t day = m.signed_on + 90; day + offset <= to; day += 90) {
        if (m.delivered_on && day >= *m.delivered_on) break;
        add(day + offset);
      }
      break;
    case Trigger::kOpenDay:
      for (auto day : m.open_days) {
        if (day < m.signed_on || (m.delivered_on && day > *m.delivered_on)) continue;
        add(day + offset);
      }
      break;
    case Trigger::kBatchPlanned:
      if (m.batch_planned_on) add(*m.batch_planned_on + offset);
      break;
    case Trigger::kDelivered:
      if (m.delivered_on) add(*m.delivered_on + offset);
      break;
    case Trigger::kAnniversary:
      if (m.delivered_on) {
        for (std::int64_t day = *m.delivered_on + 365; day + offset <= to; day += 365) add(day + offset);
      }
      break;
    case Trigger::kFourYear:
      if (m.delivered_on) {
        for (std::int64_t day = *m.delivered_on + m.four_year_phase; day + offset <= to; day += kFourYearDays) add(day + offset);
      }
      break;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::int64_t FourYearPhase(std::int64_t unit_id) {
  // frac(n·φ) for consecutive n leaves gaps of at most two or three sizes (the three-gap theorem):
  // the most even spread there is without knowing how many homes will come.
  constexpr double kGolden = 0.6180339887498949;
  const double where = std::fmod(static_cast<double>(unit_id) * kGolden, 1.0);
  return 1 + std::min<std::int64_t>(kFourYearDays - 1, static_cast<std::int64_t>(where * static_cast<double>(kFourYearDays)));
}

int StageOf(const std::optional<Milestones>& m, std::int64_t today) {
  if (!m) return 1;
  if (!m->delivered_on) return today - m->signed_on <= 30 ? 2 : 3;
  return today - *m->delivered_on <= 182 ? 4 : 5;
}

Score ScoreOf(const ScoreFacts& f) {
  auto share = [](std::int64_t part, std::int64_t whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole); };
  auto round1 = [](double v) { return std::round(v * 10.0) / 10.0; };
  Score s;
  s.execution = round1(25.0 * share(f.on_time, f.due));
  s.process = round1(12.5 * share(f.with_evidence, f.done) + 12.5 * share(f.gates_passed, f.gates_due));
  s.evaluation = round1(50.0 * share(f.satisfied, f.rated));
  s.total = round1(s.execution + s.process + s.evaluation);
  return s;
}

bool SameOccurrence(Trigger trigger, std::int64_t made_due, std::int64_t new_due) {
  const std::int64_t apart = made_due > new_due ? made_due - new_due : new_due - made_due;
  switch (trigger) {
    case Trigger::kContractSigned:
    case Trigger::kBatchPlanned:
    case Trigger::kDelivered:
      return true;
    case Trigger::kConstructionQuarter:
      return apart < 45;
    case Trigger::kOpenDay:
      return apart < 7;
    case Trigger::kAnniversary:
      return apart < 182;
    case Trigger::kFourYear:
      return apart < 730;
  }
  return false;
}

std::int64_t VisitTarget(std::int64_t units) { return std::min<std::int64_t>(60, (units + 9) / 10); }

bool LateTask(const std::string& due_on, const std::optional<std::string>& done_on, const std::string& today) {
  const auto due = ParseIsoDate(due_on);
  const auto until = ParseIsoDate(done_on.value_or(today));
  return due && until && *until > *due + kGraceDays;
}

std::optional<std::pair<std::int64_t, std::int64_t>> QuarterOf(std::string_view period) {
  if (period.size() != 6 || period[4] != 'Q' || period[5] < '1' || period[5] > '4') return std::nullopt;
  const std::string year(period.substr(0, 4));
  const int q = period[5] - '0';
  const auto first = ParseIsoDate(year + "-" + (q == 4 ? "10" : "0" + std::to_string(3 * q - 2)) + "-01");
  if (!first) return std::nullopt;
  const auto next = q == 4 ? ParseIsoDate(std::to_string(std::stoi(year) + 1) + "-01-01")
                           : ParseIsoDate(year + "-" + (q == 3 ? "10" : "0" + std::to_string(3 * q + 1)) + "-01");
  if (!next) return std::nullopt;
  return std::make_pair(*first, *next - 1);
}

}  // namespace hearth::delivery
