#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace hearth::delivery {

/// 客户服务6+2步法: the eight steps of an owner's journey.
inline constexpr std::string_view kStepNames[] = {"温馨牵手", "喜结连理", "亲密接触", "恭迎乔迁",
                                                  "嘘寒问暖", "承担责任", "一路同行", "四年之约"};
std::string StepName(int step);

/// The milestone a touch is due from: the contract signed; every quarter of construction after it
/// until the keys; each site open day of the project; the planned day of the unit's delivery
/// batch; the keys handed over; each anniversary of the keys; every four years after them.
enum class Trigger { kContractSigned, kConstructionQuarter, kOpenDay, kBatchPlanned, kDelivered, kAnniversary, kFourYear };
inline constexpr Vocabulary<Trigger, 7> kTriggers{
    {"contract_signed", "construction_quarter", "open_day", "batch_planned", "delivered", "anniversary", "four_year"}};
inline constexpr Vocabulary<Trigger, 7> kTriggerLabels{{"签约", "每季度工程进度", "工地开放日", "计划交付日", "交付", "交付周年", "每四年"}};
constexpr std::string_view WordOf(Trigger v) { return kTriggers.Name(v); }

/// Who does a touch.
enum class Team { kCustomerRelations, kSales, kProperty, kEngineering };
inline constexpr Vocabulary<Team, 4> kTeams{{"customer_relations", "sales", "property", "engineering"}};
inline constexpr Vocabulary<Team, 4> kTeamLabels{{"客关", "销售", "物业", "工程"}};
constexpr std::string_view WordOf(Team v) { return kTeams.Name(v); }

/// One touch of the playbook (标准动作 / 可选动作), as data: the group's default, or a company's
/// own version of it (same code).
struct Touch {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::optional<std::int64_t> company_id;  ///< none: the group's default
  std::string code;
  int step = 1;
  std::string name;
  std::string description;
  bool standard = true;
  Trigger trigger = Trigger::kContractSigned;
  int offset_days = 0;
  Team team = Team::kCustomerRelations;
  bool active = true;
  int position = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};
boost::json::object ToJson(const Touch& t);

/// The touches the seeds describe, shipped with every group.
std::vector<Touch> DefaultPlaybook();

/// 四年之约: every delivered home is visited once in each four-year cycle after its keys.
inline constexpr std::int64_t kFourYearDays = 1461;
/// The day of a home's visit in its cycle (1 … kFourYearDays after the keys, then every cycle):
/// the golden-ratio sequence over unit ids, so that the homes of a batch, numbered one after
/// another, fall evenly over the 48 months rather than all on the batch's fourth anniversary.
std::int64_t FourYearPhase(std::int64_t unit_id);

/// What an owner's home has reached, as days since 1970-01-01.
struct Milestones {
  std::int64_t signed_on = 0;
  std::optional<std::int64_t> delivered_on;
  std::optional<std::int64_t> batch_planned_on;
  std::vector<std::int64_t> open_days;  ///< the project's open days held or planned, not vetoed
  std::int64_t four_year_phase = kFourYearDays;  ///< FourYearPhase of the unit
};

/// The days a touch falls due for one home within [from, to] (both included), oldest first. A
/// touch of the construction quarters stops at the keys; an open day counts between the contract
/// and the keys; anniversaries and four-year visits start from the keys.
std::vector<std::int64_t> DueDays(Trigger trigger, int offset_days, const Milestones& m, std::int64_t from, std::int64_t to);

/// Where an owner stands on the main line (1–5): 1 no contract yet, 2 signed within 30 days,
/// 3 waiting for the keys, 4 within six months of the keys, 5 living in.
int StageOf(const std::optional<Milestones>& m, std::int64_t today);

/// A task is done on time when done no later than this many days after it fell due, and missed
/// when still open after them.
inline constexpr int kGraceDays = 7;

/// A company's quarter, counted by the service, scored here (the group audit's weights).
struct ScoreFacts {
  std::int64_t due = 0;             ///< standard touches due in the quarter (up to today)
  std::int64_t on_time = 0;         ///< of which done within the grace days
  std::int64_t done = 0;            ///< touches done in the quarter
  std::int64_t with_evidence = 0;   ///< of which with evidence
  std::int64_t gates_due = 0;       ///< inspections and open days due in the quarter
  std::int64_t gates_passed = 0;
  std::int64_t rated = 0;           ///< call-backs rated in the quarter
  std::int64_t satisfied = 0;       ///< rated 4 or 5
};
struct Score {
  double execution = 0;   ///< 0–25
  double process = 0;     ///< 0–25
  double evaluation = 0;  ///< 0–50
  double total = 0;
};
/// execution = 25 × on time / due; process = 12.5 × with evidence / done + 12.5 × gates passed /
/// gates due; evaluation = 50 × satisfied / rated. A share with nothing to count loses nothing.
/// Each part rounded to one decimal, the total their sum.
Score ScoreOf(const ScoreFacts& f);

/// Whether a task made for a touch falling due on `made_due` stands for the same occurrence as one
/// now due on `new_due` (the touch's offset was edited since): a touch of a one-time milestone
/// (signing, the planned delivery, the keys) happens once per home and owner; a repeated one
/// once per period (a quarter, a year, four years; a week for open days).
bool SameOccurrence(Trigger trigger, std::int64_t made_due, std::int64_t new_due);

/// After delivery (the seeds): every owner called back, and at least one unit in ten visited at
/// home (at most 60 households), within six months.
inline constexpr int kAfterCareDays = 183;
/// The home visits a delivery of `units` units needs: a tenth rounded up, at most 60.
std::int64_t VisitTarget(std::int64_t units);
/// A project's after-delivery figures, counted by the service.
struct AfterCare {
  struct Counts {
    std::int64_t done = 0, done_late = 0, open = 0, overdue = 0;
  };
  std::int64_t delivered_units = 0;
  std::int64_t callback_covered = 0;   ///< delivered units whose owner was called back
  std::int64_t callback_not_made = 0;  ///< delivered units without a call-back task (the maker did not reach them)
  std::int64_t visit_target = 0;
  std::int64_t visits_done = 0;        ///< units visited
  Counts callback, visit;
};
/// Whether a task due on `due_on` (and done on `done_on`, if done) is late as of `today`: done, or
/// still open, after the grace days.
bool LateTask(const std::string& due_on, const std::optional<std::string>& done_on, const std::string& today);

/// "2026Q4" → the quarter's first and last day (days since 1970-01-01); nullopt otherwise.
std::optional<std::pair<std::int64_t, std::int64_t>> QuarterOf(std::string_view period);

}  // namespace hearth::delivery
