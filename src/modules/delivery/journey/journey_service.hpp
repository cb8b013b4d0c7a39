#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/batches/batch_service.hpp"
#include "modules/delivery/journey/journey.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/deals/deal_service.hpp"
#include "modules/service/tickets/ticket_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"

namespace hearth::delivery {

/// A touch due for one owner's home: made from the playbook when it falls due.
struct JourneyTask {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t company_id = 0;
  std::int64_t project_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t customer_id = 0;
  std::string touch_code;
  int step = 1;
  bool standard = true;
  std::string team;
  std::string name;
  std::string due_on;
  std::string status;  ///< open | done
  std::optional<std::string> done_on;
  std::optional<Timestamp> done_at;
  std::optional<std::int64_t> done_by;
  std::string evidence;
  std::string note;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // Filled when read.
  std::string customer_name = {};
  std::string unit_code = {};
  std::string project_name = {};
  std::optional<std::string> done_by_name = std::nullopt;
};
/// With `state`: open, due (fell due, within the grace days), missed, done, done_late (as of `today`).
boost::json::object ToJson(const JourneyTask& t, const std::string& today);

struct TouchPatch {
  std::optional<std::int64_t> company_id;  ///< a company's own version of a group touch
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<bool> standard;
  std::optional<Trigger> trigger;
  std::optional<int> offset_days;
  std::optional<Team> team;
  std::optional<bool> active;
};

struct TaskFilter {
  std::optional<std::string> state;  ///< open (not done), due, missed, done
  std::optional<Team> team;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> customer_id;
  std::optional<int> step;
  std::optional<std::string> touch;  ///< a touch's code (the after-delivery queues: delivery_callback, home_visit)
};

/// A page of tasks and, on the first page, how many match (counted up to kTaskCountCap).
struct TaskPage {
  platform::Listing<JourneyTask> list;
  std::optional<std::int64_t> total;
  bool total_capped = false;
};
inline constexpr std::int64_t kTaskCountCap = 10000;

/// What a run of the task maker did.
struct MakeReport {
  std::string from;
  std::string through;
  std::int64_t homes = 0;
  std::int64_t created = 0;
};

/// The 6+2 journey: the playbook as data (the group's touches, each company's own versions), the
/// tasks made for every owner's home when a touch falls due (a daily job, and on demand), their
/// completion with evidence, each customer's place on the journey, and the quarterly audit score.
class JourneyService {
 public:
  static constexpr const char* kMakeJob = "journey.make";
  /// Tasks are made this many days before they fall due, so that the team sees what comes.
  static constexpr int kLeadDays = 14;
  /// Contracts per transaction (per job run) when tasks are made.
  static constexpr int kPageContracts = 5000;

  JourneyService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                 platform::Notifications& notifications, customers::CustomerService& customers, inventory::InventoryService& inventory, sales::DealService& deals,
                 service::TicketService& tickets, BatchService& batches);

  std::string Today() const;
  /// Every group gets the seeds' playbook once, and its daily task maker.
  Result<void> SeedDefaults();

  Result<std::vector<Touch>> Playbook(const RequestContext& ctx, std::optional<std::int64_t> company_id);
  Result<Touch> UpdateTouch(const RequestContext& ctx, std::int64_t id, const TouchPatch& patch);

  /// Makes the tasks due up to today + kLeadDays not made before, for the caller's group.
  Result<MakeReport> Make(const RequestContext& ctx);
  Result<TaskPage> Tasks(const RequestContext& ctx, const TaskFilter& filter, const Page& page);
  Result<JourneyTask> Complete(const RequestContext& ctx, std::int64_t id, const std::string& evidence, const std::string& note);
  /// The customer's stage, and each step's tasks.
  Result<boost::json::object> CustomerJourney(const RequestContext& ctx, std::int64_t customer_id);
  /// Per company in scope: execution, process, evaluation, total, with the counts behind each and
  /// every point lost.
  Result<boost::json::array> Scores(const RequestContext& ctx, const std::string& period);

  /// One customer's evaluation of a company in a quarter from a later module (a survey's answer):
  /// satisfied or not, and what a dissatisfied one lost in words.
  struct Evaluated {
    bool satisfied = false;
    std::int64_t company_id = 0;  ///< the company evaluated
    std::int64_t customer_id = 0;
    std::int64_t unit_id = 0;
    std::string what;
  };
  /// The evaluations of the companies under `path_like` (an org path and '%') made in [from, to).
  using EvaluationSource = std::function<std::vector<Evaluated>(db::Tx&, std::int64_t tenant_id, const std::string& path_like,
                                                                Timestamp from, Timestamp to)>;
  /// When any source gives a company's quarter evaluations, they are its evaluation half (the
  /// surveys, as the audit takes them) instead of the tickets' call-back ratings.
  void AddEvaluationSource(EvaluationSource source) { evaluation_sources_.push_back(std::move(source)); }
  /// After delivery, per project in scope with units delivered in the last six months: the
  /// call-back to every owner (100%) and the home visits (at least 10% of the units, at most 60,
  /// within six months) as coverage; the queues are the tasks of those touches.
  Result<boost::json::array> AfterDelivery(const RequestContext& ctx, std::optional<std::int64_t> project_id);
  /// 四年之约 over the delivered homes of a project, a company or the caller's scope: the homes
  /// each month of the plan holds (a year back, 48 months ahead) against an even share, the
  /// visits done, open and missed, and the coverage of the current cycle per project.
  Result<boost::json::object> FourYearPlan(const RequestContext& ctx, std::optional<std::int64_t> company_id,
                                           std::optional<std::int64_t> project_id);

  Result<void> OnMakeJob(db::Tx& tx, const platform::Job& job);
  /// Makes the group's due tasks in the caller's transaction (the job and the demo; no scope check),
  /// from `back_days` ago (the job: a quarter; the demo makes up years of history).
  MakeReport MakeIn(db::Tx& tx, std::int64_t tenant_id, std::int64_t back_days = 90);

 private:
  /// Tells customer relations of each open day whose preparation meeting falls due (once).
  void RemindPrep(db::Tx& tx, std::int64_t tenant_id);
  MakeReport Window(std::int64_t back_days = 90) const;  // from a quarter back to kLeadDays ahead
  /// Makes the tasks of a page of contracts after `after`; the last contract's id, 0 when none.
  std::int64_t MakePage(db::Tx& tx, std::int64_t tenant_id, std::int64_t after, int contracts, MakeReport& report);
  std::vector<Touch> TouchesOf(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t CompanyOf(db::Tx& tx, std::int64_t org_unit_id, std::map<std::int64_t, std::int64_t>& cache);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<JourneyTask>& tasks);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  platform::Notifications& notifications_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  sales::DealService& deals_;
  service::TicketService& tickets_;
  BatchService& batches_;
  std::vector<EvaluationSource> evaluation_sources_;
};

}  // namespace hearth::delivery
