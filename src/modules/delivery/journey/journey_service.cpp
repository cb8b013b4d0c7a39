#include "modules/delivery/journey/journey_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::delivery {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000, kChinaMs = 8LL * 3600 * 1000;

const db::Columns<Touch> kTouchColumns{
    {"id", &Touch::id},
    {"tenant_id", &Touch::tenant_id},
    {"code", &Touch::code},
    {"step", &Touch::step},
    {"name", &Touch::name},
    {"description", &Touch::description},
    {"standard", &Touch::standard},
    {"trigger_kind", &Touch::trigger, kTriggers},
    {"offset_days", &Touch::offset_days},
    {"team", &Touch::team, kTeams},
    {"active", &Touch::active},
    {"position", &Touch::position},
    {"version", &Touch::version},
    {"created_at", &Touch::created_at},
    {"updated_at", &Touch::updated_at},
};
// company_key comes last: 0 is the group's default.
const std::string kTouches = "SELECT " + kTouchColumns.List() + ", company_key FROM journey_touches WHERE tenant_id = $1 ORDER BY position, id";
const std::string kFindTouch = "SELECT " + kTouchColumns.List() + ", company_key FROM journey_touches WHERE id = $1 AND tenant_id = $2";
constexpr std::string_view kInsertTouch = R"sql(
INSERT INTO journey_touches (tenant_id, company_key, code, step, name, description, standard, trigger_kind, offset_days, team,
                             active, position, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id)sql";
constexpr std::string_view kUpdateTouch = R"sql(
UPDATE journey_touches SET name = $3, description = $4, standard = $5, trigger_kind = $6, offset_days = $7, team = $8,
       active = $9, version = version + 1, updated_at = $10
 WHERE id = $1 AND tenant_id = $2)sql";
constexpr std::string_view kAnyTouch = "SELECT 1 FROM journey_touches WHERE tenant_id = $1 LIMIT 1";

const db::Columns<JourneyTask> kTaskColumns{
    {"id", &JourneyTask::id},
    {"tenant_id", &JourneyTask::tenant_id},
    {"org_unit_id", &JourneyTask::org_unit_id},
    {"company_id", &JourneyTask::company_id},
    {"project_id", &JourneyTask::project_id},
    {"unit_id", &JourneyTask::unit_id},
    {"customer_id", &JourneyTask::customer_id},
    {"touch_code", &JourneyTask::touch_code},
    {"step", &JourneyTask::step},
    {"standard", &JourneyTask::standard},
    {"team", &JourneyTask::team},
    {"name", &JourneyTask::name},
    {"due_on", &JourneyTask::due_on},
    {"status", &JourneyTask::status},
    {"done_on", &JourneyTask::done_on},
    {"done_at", &JourneyTask::done_at},
    {"done_by", &JourneyTask::done_by},
    {"evidence", &JourneyTask::evidence},
    {"note", &JourneyTask::note},
    {"version", &JourneyTask::version},
    {"created_at", &JourneyTask::created_at},
    {"updated_at", &JourneyTask::updated_at},
};
constexpr std::string_view kInsertTask = R"sql(
INSERT INTO journey_tasks (tenant_id, org_unit_id, company_id, project_id, unit_id, customer_id, touch_code, step, standard, team,
                           name, due_on, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
ON CONFLICT (unit_id, customer_id, touch_code, due_on) DO NOTHING)sql";
const std::string kFindTask = "SELECT " + kTaskColumns.List() + " FROM journey_tasks WHERE id = $1 AND tenant_id = $2";
// Oldest due first in the caller's scope; the state filters: open (not done), due (open, fell due
// within the grace days: $9 = today − grace, $10 = today), missed (open, fell due before $9), done.
const std::string kListTasks = "SELECT " + kTaskColumns.List("t") + " FROM journey_tasks t" HEARTH_JOIN_ORG_UNIT("t") R"sql(
 WHERE t.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR t.id > $3)
   AND (CAST($4 AS TEXT) IS NULL OR t.team = $4)
   AND (CAST($5 AS BIGINT) IS NULL OR t.project_id = $5)
   AND (CAST($6 AS BIGINT) IS NULL OR t.customer_id = $6)
   AND (CAST($7 AS BIGINT) = 0 OR t.step = $7)
   AND (CAST($8 AS TEXT) IS NULL
        OR ($8 = 'open' AND t.status = 'open')
        OR ($8 = 'due' AND t.status = 'open' AND t.due_on >= $9 AND t.due_on <= $10)
        OR ($8 = 'missed' AND t.status = 'open' AND t.due_on < $9)
        OR ($8 = 'done' AND t.status = 'done'))
   AND (CAST($12 AS TEXT) IS NULL OR t.touch_code = $12)
 ORDER BY t.id LIMIT $11)sql";
constexpr std::string_view kAfterCareTasks = R"sql(
SELECT unit_id, touch_code, status, due_on, done_on FROM journey_tasks
 WHERE project_id = $1 AND tenant_id = $2 AND touch_code IN ('delivery_callback', 'home_visit'))sql";
// A company's four-year visits due from a day on (the plan's months and its coverage).
constexpr std::string_view kFourYearTasks = R"sql(
SELECT project_id, unit_id, status, due_on, done_on FROM journey_tasks
 WHERE company_id = $1 AND due_on >= $2 AND touch_code = 'four_year_visit')sql";
// How many match, up to the cap and one more (the list's filters, from the start).
const std::string kCountTasks = "SELECT COUNT(*) FROM (SELECT 1 AS one" + kListTasks.substr(kListTasks.find(" FROM journey_tasks t")) + ") counted";
const std::string kTasksOfCustomer = "SELECT " + kTaskColumns.List() + " FROM journey_tasks WHERE customer_id = $1 AND tenant_id = $2 ORDER BY due_on, id";
constexpr std::string_view kComplete = R"sql(
UPDATE journey_tasks SET status = 'done', done_on = $3, done_at = $4, done_by = $5, evidence = $6, note = $7,
       version = version + 1, updated_at = $4
 WHERE id = $1 AND tenant_id = $2 AND status = 'open')sql";
// A touch's new offset moves its open tasks (unless the home has a task of it on the new day).
constexpr std::string_view kOpenOfTouch = "SELECT id, company_id, due_on FROM journey_tasks WHERE tenant_id = $1 AND touch_code = $2 AND status = 'open'";
constexpr std::string_view kMoveTask = R"sql(
UPDATE journey_tasks SET due_on = $2, version = version + 1, updated_at = $3
 WHERE id = $1 AND status = 'open'
   AND NOT EXISTS (SELECT 1 FROM journey_tasks o WHERE o.unit_id = journey_tasks.unit_id AND o.customer_id = journey_tasks.customer_id
                                                    AND o.touch_code = journey_tasks.touch_code AND o.due_on = $2))sql";
constexpr std::string_view kRun = "SELECT made_through, scheduled FROM journey_runs WHERE tenant_id = $1";
constexpr std::string_view kSetRun = R"sql(
INSERT INTO journey_runs (tenant_id, made_through, scheduled, updated_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (tenant_id) DO UPDATE SET made_through = COALESCE(excluded.made_through, journey_runs.made_through),
       scheduled = excluded.scheduled OR journey_runs.scheduled, updated_at = excluded.updated_at)sql";
// A company's standard tasks due in the quarter up to today, and those done in it.
constexpr std::string_view kDueInQuarter = R"sql(
SELECT id, customer_id, unit_id, name, due_on, status, done_on FROM journey_tasks
 WHERE company_id = $1 AND standard = TRUE AND due_on >= $2 AND due_on <= $3 ORDER BY due_on, id)sql";
constexpr std::string_view kDoneInQuarter = R"sql(
SELECT id, customer_id, unit_id, name, evidence FROM journey_tasks
 WHERE company_id = $1 AND status = 'done' AND done_on >= $2 AND done_on <= $3 ORDER BY id)sql";
constexpr std::string_view kCompanies = R"sql(
SELECT DISTINCT company_id FROM journey_tasks WHERE tenant_id = $1 AND due_on >= $2 AND due_on <= $3)sql";

std::int64_t DayOf(const std::string& date) { return ParseIsoDate(date).value_or(0); }

Touch ReadTouch(const db::Row& r) {
  Touch t = kTouchColumns.Read(r);
  const std::int64_t company = r.Int(kTouchColumns.size());
  if (company != 0) t.company_id = company;
  return t;
}

}  // namespace

boost::json::object ToJson(const JourneyTask& t, const std::string& today) {
  const std::string grace = FormatIsoDate(DayOf(today) - kGraceDays);
  std::string state;
  if (t.status == "done") {
    state = t.done_on && DayOf(*t.done_on) > DayOf(t.due_on) + kGraceDays ? "done_late" : "done";
  } else {
    state = t.due_on > today ? "upcoming" : t.due_on < grace ? "missed" : "due";
  }
  return {{"id", t.id},
          {"project_id", t.project_id},
          {"project_name", t.project_name},
          {"unit_id", t.unit_id},
          {"unit_code", t.unit_code},
          {"customer_id", t.customer_id},
          {"customer_name", t.customer_name},
          {"company_id", t.company_id},
          {"touch_code", t.touch_code},
          {"step", t.step},
          {"step_name", StepName(t.step)},
          {"standard", t.standard},
          {"team", t.team},
          {"name", t.name},
          {"due_on", t.due_on},
          {"status", t.status},
          {"state", state},
          {"done_on", JsonOr(t.done_on)},
          {"done_by", JsonOr(t.done_by)},
          {"done_by_name", JsonOr(t.done_by_name)},
          {"evidence", t.evidence},
          {"note", t.note},
          {"version", t.version},
          {"created_at", FormatRfc3339(t.created_at)},
          {"updated_at", FormatRfc3339(t.updated_at)}};
}

JourneyService::JourneyService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                               platform::Notifications& notifications, customers::CustomerService& customers,
                               inventory::InventoryService& inventory, sales::DealService& deals, service::TicketService& tickets,
                               BatchService& batches)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), notifications_(notifications), customers_(customers), inventory_(inventory), deals_(deals),
      tickets_(tickets), batches_(batches) {}

std::string JourneyService::Today() const { return FormatIsoDate((clock_.Now().ms + kChinaMs) / kDayMs); }

Result<void> JourneyService::SeedDefaults() {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    for (const std::int64_t tenant : platform::directory::Groups(tx)) {
      if (tx.Execute(kAnyTouch, tenant).empty()) {
        for (const auto& t : DefaultPlaybook()) {
          tx.Execute(kInsertTouch, tenant, std::int64_t{0}, t.code, t.step, t.name, t.description, t.standard, t.trigger,
                     t.offset_days, t.team, t.active, t.position, now);
        }
      }
      // The daily task maker: scheduled once per group; each run schedules the next.
      auto run = tx.Execute(kRun, tenant);
      if (run.empty() || !run.front().Bool(1)) {
        tx.Execute(kSetRun, tenant, std::optional<std::string>(), true, now);
        jobs_.Enqueue(tx, tenant, kMakeJob, {}, now);
      }
    }
    return {};
  });
}

std::vector<Touch> JourneyService::TouchesOf(db::Tx& tx, std::int64_t tenant_id) {
  std::vector<Touch> out;
  for (const auto& r : tx.Execute(kTouches, tenant_id)) out.push_back(ReadTouch(r));
  return out;
}

std::int64_t JourneyService::CompanyOf(db::Tx& tx, std::int64_t org_unit_id, std::map<std::int64_t, std::int64_t>& cache) {
  if (auto it = cache.find(org_unit_id); it != cache.end()) return it->second;
  const std::int64_t company = CompanyOfUnit(tx, org_unit_id);
  cache.emplace(org_unit_id, company);
  return company;
}

MakeReport JourneyService::Window(std::int64_t back_days) const {
  // Every run looks a quarter back and kLeadDays ahead: a contract signed, a batch planned or an
  // open day added since the last run gets the touches it brings, and those made before are kept
  // once by the unique index. History older than a quarter is not made up.
  const std::int64_t today = DayOf(Today());
  return MakeReport{FormatIsoDate(today - back_days), FormatIsoDate(today + kLeadDays), 0, 0};
}

std::int64_t JourneyService::MakePage(db::Tx& tx, std::int64_t tenant_id, std::int64_t after, int contracts, MakeReport& report) {
  const Timestamp now = clock_.Now();
  const std::int64_t from = DayOf(report.from), to = DayOf(report.through);
  const auto homes = deals_.SignedHomes(tx, tenant_id, after, contracts);
  if (homes.empty()) return 0;
  // The playbook: each company's own versions over the group's.
  std::vector<Touch> group;
  std::map<std::int64_t, std::map<std::string, Touch>> own;
  for (auto& t : TouchesOf(tx, tenant_id)) {
    if (t.company_id) {
      own[*t.company_id][t.code] = t;
    } else {
      group.push_back(t);
    }
  }
  std::map<std::int64_t, std::int64_t> companies;
  // The page's units' delivery days in one read (not every unit of their projects: a page of 5,000
  // contracts across 50 projects would read a million units); each project's batches and open days once.
  std::vector<std::int64_t> unit_ids;
  for (const auto& h : homes) unit_ids.push_back(h.unit_id);
  const auto delivered = inventory_.DeliveredOn(tx, tenant_id, unit_ids);
  // The tasks made before for these homes: a touch edited since (its offset) must not make a second
  // task for an occurrence that has one, open or done.
  std::map<std::tuple<std::int64_t, std::int64_t, std::string>, std::vector<std::int64_t>> made;
  db::SelectIn(tx, "SELECT unit_id, customer_id, touch_code, due_on FROM journey_tasks WHERE unit_id IN ({}) AND tenant_id + 0 = $1",
               {tenant_id}, unit_ids, [&](const db::Row& r) {
                 made[{r.Int(0), r.Int(1), r.Text(2)}].push_back(DayOf(r.Text(3)));
               });
  struct ProjectFacts {
    std::map<std::int64_t, std::string> planned;
    std::vector<std::int64_t> open_days;
  };
  std::map<std::int64_t, ProjectFacts> projects;
  auto facts_of = [&](std::int64_t project_id) -> ProjectFacts& {
    auto it = projects.find(project_id);
    if (it != projects.end()) return it->second;
    ProjectFacts f;
    f.planned = batches_.PlannedDays(tx, project_id);
    for (const auto& d : batches_.OpenDayDates(tx, project_id)) f.open_days.push_back(DayOf(d));
    return projects.emplace(project_id, std::move(f)).first->second;
  };
  std::int64_t last = after;
  for (const auto& h : homes) {
    last = std::max(last, h.contract_id);
    ++report.homes;
    ProjectFacts& pf = facts_of(h.project_id);
    Milestones m;
    m.signed_on = DayOf(h.signed_on);
    if (auto d = delivered.find(h.unit_id); d != delivered.end() && d->second) m.delivered_on = DayOf(*d->second);
    if (auto p = pf.planned.find(h.unit_id); p != pf.planned.end()) m.batch_planned_on = DayOf(p->second);
    m.open_days = pf.open_days;
    m.four_year_phase = FourYearPhase(h.unit_id);
    const std::int64_t company = CompanyOf(tx, h.org_unit_id, companies);
    const auto own_touches = own.find(company);
    for (const Touch& base : group) {
      const Touch* t = &base;
      if (own_touches != own.end()) {
        if (auto o = own_touches->second.find(base.code); o != own_touches->second.end()) t = &o->second;
      }
      if (!t->active) continue;
      for (std::int64_t day : DueDays(t->trigger, t->offset_days, m, from, to)) {
        auto& before = made[{h.unit_id, h.customer_id, t->code}];
        if (std::any_of(before.begin(), before.end(), [&](std::int64_t d) { return d != day && SameOccurrence(t->trigger, d, day); })) continue;
        before.push_back(day);
        report.created += tx.Execute(kInsertTask, tenant_id, h.org_unit_id, company, h.project_id, h.unit_id, h.customer_id, t->code,
                                     t->step, t->standard, t->team, t->name, FormatIsoDate(day), now)
                              .affected;
      }
    }
  }
  return last;
}

MakeReport JourneyService::MakeIn(db::Tx& tx, std::int64_t tenant_id, std::int64_t back_days) {
  MakeReport report = Window(back_days);
  for (std::int64_t after = 0; (after = MakePage(tx, tenant_id, after, kPageContracts, report)) != 0;) {
  }
  tx.Execute(kSetRun, tenant_id, report.through, false, clock_.Now());
  return report;
}

Result<void> JourneyService::OnMakeJob(db::Tx& tx, const platform::Job& job) {
  // One page of contracts per run, so that no transaction holds the writers for long: the next
  // page is another job, due at once; after the last, tomorrow at 01:00 China time.
  MakeReport report = Window();
  const auto at = job.payload.if_contains("after");
  const std::int64_t after = at && at->is_int64() ? at->as_int64() : 0;
  const std::int64_t last = MakePage(tx, job.tenant_id, after, kPageContracts, report);
  if (last != 0) {
    jobs_.Enqueue(tx, job.tenant_id, kMakeJob, boost::json::object{{"after", last}}, clock_.Now());
    return {};
  }
  tx.Execute(kSetRun, job.tenant_id, report.through, false, clock_.Now());
  RemindPrep(tx, job.tenant_id);
  const std::int64_t tomorrow = DayOf(Today()) + 1;
  jobs_.Enqueue(tx, job.tenant_id, kMakeJob, {}, Timestamp{tomorrow * kDayMs - kChinaMs + 3600 * 1000LL});
  return {};
}

void JourneyService::RemindPrep(db::Tx& tx, std::int64_t tenant_id) {
  for (const auto& day : batches_.TakePrepReminders(tx, tenant_id)) {
    // Customer relations of the project and of its company.
    auto people = platform::Notifications::UsersWithRole(tx, day.org_unit_id, {"agent", "manager"});
    if (const auto company = CompanyOfUnit(tx, day.org_unit_id); company != day.org_unit_id) {
      const auto more = platform::Notifications::UsersWithRole(tx, company, {"agent", "manager"});
      people.insert(people.end(), more.begin(), more.end());
    }
    const std::string due = FormatIsoDate(ParseIsoDate(day.on).value_or(0) - kOpenDayPrepDays);
    notifications_.Notify(tx, tenant_id, people, "delivery.open_day_prep", fmt::format("筹备会提醒：{} {} 工地开放日", day.project_name, day.on),
                          fmt::format("工地开放日的筹备会应于 {} 前召开（开放日前两个月），请组织工程、物业、营销各方，召开后在工地开放日页记录。", due),
                          "open_day", day.id);
  }
}

Result<MakeReport> JourneyService::Make(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork) || !ManagesDelivery(actor)) return Forbidden("only a manager runs the journey's task maker");
  // A page of contracts per transaction, as the job does.
  MakeReport report = Window();
  for (std::int64_t after = 0;;) {
    auto page = db_.Transact([&](db::Tx& tx) -> Result<std::int64_t> { return MakePage(tx, actor.tenant_id, after, kPageContracts, report); });
    if (!page) return tl::unexpected(page.error());
    if (*page == 0) break;
    after = *page;
  }
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kSetRun, actor.tenant_id, report.through, false, clock_.Now());
    RemindPrep(tx, actor.tenant_id);
    audit_.Record(tx, ctx, "journey.made", "journey", std::nullopt, nullptr,
                  boost::json::object{{"from", report.from}, {"through", report.through}, {"homes", report.homes}, {"created", report.created}});
    return {};
  }));
  return report;
}

Result<std::vector<Touch>> JourneyService::Playbook(const RequestContext& ctx, std::optional<std::int64_t> company_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Touch>> {
    if (company_id) {
      // The company's staff (a project's too, below it) read the company's playbook; the group's see every company's.
      auto unit = platform::directory::UnitOrFirstGroup(tx, *company_id);
      if (!unit || unit->tenant_id != actor.tenant_id || !(actor.InScope(unit->path) || actor.org_path.starts_with(unit->path))) {
        return FailField("company_id", "not_found");
      }
    } else if (!actor.IsAdmin() && actor.org_unit_id != actor.tenant_id) {
      // Without one, what applies to the caller: their company's.
      std::map<std::int64_t, std::int64_t> cache;
      company_id = CompanyOf(tx, actor.org_unit_id, cache);
    }
    std::vector<Touch> group;
    std::map<std::string, Touch> own;
    for (auto& t : TouchesOf(tx, actor.tenant_id)) {
      if (!t.company_id) {
        group.push_back(t);
      } else if (company_id && *t.company_id == *company_id) {
        own[t.code] = t;
      }
    }
    for (auto& t : group) {
      if (auto o = own.find(t.code); o != own.end()) t = o->second;
    }
    return group;
  });
}

Result<Touch> JourneyService::UpdateTouch(const RequestContext& ctx, std::int64_t id, const TouchPatch& p) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork) || !ManagesDelivery(actor)) return Forbidden("only a manager edits the playbook");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Touch> {
    auto rows = tx.Execute(kFindTouch, id, actor.tenant_id);
    if (rows.empty()) return NotFound("no such touch");
    const Touch before = ReadTouch(rows.front());
    std::optional<std::int64_t> company = p.company_id ? p.company_id : before.company_id;
    if (company) {
      auto unit = platform::directory::UnitOrFirstGroup(tx, *company);
      if (!unit || unit->tenant_id != actor.tenant_id || !actor.InScope(unit->path)) return FailField("company_id", "not_found");
    } else if (!actor.IsAdmin() && actor.org_unit_id != actor.tenant_id) {
      return Forbidden("the group's playbook is the group's: a company edits its own version (company_id)");
    }
    if (before.company_id && p.company_id && *before.company_id != *p.company_id) return FailField("company_id", "another_company");
    std::int64_t target = id;
    Touch old_rule = before;  // the rule the touch's tasks were made by
    std::optional<std::int64_t> existing;
    const auto touches = TouchesOf(tx, actor.tenant_id);  // as they were before this edit
    if (company && !before.company_id) {
      // The company's own version of the group's touch: made once, then edited.
      for (const auto& other : touches) {
        if (other.company_id == company && other.code == before.code) {
          existing = other.id;
          old_rule = other;
        }
      }
    }
    Touch t = old_rule;
    if (p.name) t.name = *p.name;
    if (p.description) t.description = *p.description;
    if (p.standard) t.standard = *p.standard;
    if (p.trigger) t.trigger = *p.trigger;
    if (p.offset_days) t.offset_days = *p.offset_days;
    if (p.team) t.team = *p.team;
    if (p.active) t.active = *p.active;
    if (company && !before.company_id) {
      if (!existing) {
        existing = tx.Execute(kInsertTouch, actor.tenant_id, *company, t.code, t.step, t.name, t.description, t.standard, t.trigger,
                              t.offset_days, t.team, t.active, t.position, now)
                       .front()
                       .Int(0);
      }
      target = *existing;
    }
    tx.Execute(kUpdateTouch, target, actor.tenant_id, t.name, t.description, t.standard, t.trigger, t.offset_days, t.team, t.active, now);
    Touch after = ReadTouch(tx.Execute(kFindTouch, target, actor.tenant_id).front());
    // Its open tasks follow a new offset: the company's, or for the group's touch those of the
    // companies without their own version. (Done tasks stay as they were; the maker makes no second
    // task for their occurrence.)
    if (const std::int64_t delta = after.offset_days - old_rule.offset_days; delta != 0 && after.trigger == old_rule.trigger) {
      // (Only the group's touch consults the companies' own versions; an edit of the group's made none.)
      std::set<std::int64_t> own_version;
      for (const auto& other : touches) {
        if (other.company_id && other.code == after.code) own_version.insert(*other.company_id);
      }
      std::vector<std::pair<std::int64_t, std::string>> moves;
      for (const auto& r : tx.Execute(kOpenOfTouch, actor.tenant_id, after.code)) {
        const std::int64_t task_company = r.Int(1);
        const bool follows = after.company_id ? task_company == *after.company_id : !own_version.contains(task_company);
        if (follows) moves.emplace_back(r.Int(0), FormatIsoDate(DayOf(r.Text(2)) + delta));
      }
      for (const auto& [task, due] : moves) tx.Execute(kMoveTask, task, due, now);
    }
    audit_.Record(tx, ctx, "journey.touch_updated", "journey", target, ToJson(old_rule), ToJson(after));
    return after;
  });
}

void JourneyService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<JourneyTask>& tasks) {
  if (tasks.empty()) return;
  std::vector<std::int64_t> customers, units, users;
  for (const auto& t : tasks) {
    customers.push_back(t.customer_id);
    units.push_back(t.unit_id);
    if (t.done_by) users.push_back(*t.done_by);
  }
  const auto names = customers_.NamesOf(tx, tenant_id, customers);
  const auto codes = inventory_.CodesOf(tx, tenant_id, units);
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  const auto people = platform::directory::NamesOf(tx, tenant_id, users);
  for (auto& t : tasks) {
    if (auto it = names.find(t.customer_id); it != names.end()) t.customer_name = it->second;
    if (auto it = codes.find(t.unit_id); it != codes.end()) t.unit_code = it->second;
    if (auto it = projects.find(t.project_id); it != projects.end()) t.project_name = it->second;
    if (t.done_by) {
      if (auto it = people.find(*t.done_by); it != people.end()) t.done_by_name = it->second.Shown();
    }
  }
}

Result<TaskPage> JourneyService::Tasks(const RequestContext& ctx, const TaskFilter& f, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  if (f.state && *f.state != "open" && *f.state != "due" && *f.state != "missed" && *f.state != "done") {
    return FailField("state", "invalid_value");
  }
  const std::string today = Today();
  const std::string grace = FormatIsoDate(DayOf(today) - kGraceDays);
  return db_.Read([&](db::Tx& tx) -> Result<TaskPage> {
    TaskPage result;
    platform::Listing<JourneyTask>& out = result.list;
    const std::optional<std::string> team = f.team ? std::optional<std::string>(std::string(WordOf(*f.team))) : std::nullopt;
    const std::int64_t step = f.step.value_or(0);  // 0: any (an optional here trips GCC 12's maybe-uninitialized)
    auto rows = tx.Execute(kListTasks, actor.tenant_id, ScopeLike(actor), page.after_id, team, f.project_id, f.customer_id, step, f.state,
                           grace, today, page.limit + 1, f.touch);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kTaskColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const JourneyTask& t) { return t.id; });
    Name(tx, actor.tenant_id, out.items);
    if (!page.after_id) {
      const std::int64_t counted = tx.Execute(kCountTasks, actor.tenant_id, ScopeLike(actor), std::optional<std::int64_t>(), team, f.project_id,
                                              f.customer_id, step, f.state, grace, today, kTaskCountCap + 1, f.touch)
                                       .front()
                                       .Int(0);
      result.total = std::min(counted, kTaskCountCap);
      result.total_capped = counted > kTaskCountCap;
    }
    return result;
  });
}

Result<JourneyTask> JourneyService::Complete(const RequestContext& ctx, std::int64_t id, const std::string& evidence,
                                             const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not complete journey tasks");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<JourneyTask> {
    auto rows = tx.Execute(kFindTask, id, actor.tenant_id);
    if (rows.empty()) return NotFound("no such journey task");
    JourneyTask t = kTaskColumns.Read(rows.front());
    if (!inventory_.ProjectFor(tx, actor, t.project_id)) return NotFound("no such journey task");
    // Customer relations do every touch; a consultant the sales team's.
    if (!actor.Can(Permission::kDeliveryWork) && t.team != "sales") return Forbidden("the touch is customer relations' work");
    if (t.status == "done") return Fail(ErrorCode::kConflict, "invalid_transition", "the task is done already");
    if (tx.Execute(kComplete, id, actor.tenant_id, Today(), now, actor.user_id, evidence, note).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the task is done already");
    }
    std::vector<JourneyTask> one{kTaskColumns.Read(tx.Execute(kFindTask, id, actor.tenant_id).front())};
    Name(tx, actor.tenant_id, one);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, t.customer_id, now, "journey", "unit", t.unit_id, fmt::format("{}：{}", StepName(t.step), t.name)},
                              actor.user_id);
    audit_.Record(tx, ctx, "journey.task_done", "customer", t.customer_id, nullptr, ToJson(one[0], Today()));
    return one[0];
  });
}

Result<boost::json::object> JourneyService::CustomerJourney(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = Today();
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    HEARTH_ASSIGN(auto customer, customers_.CustomerFor(tx, actor, customer_id));
    // The latest home sets the stage.
    std::optional<Milestones> latest;
    boost::json::array homes;
    const auto projects = inventory_.NamesOfProjects(tx, actor.tenant_id);
    for (const auto& h : deals_.SignedHomesOf(tx, actor.tenant_id, customer.id)) {
      Milestones m;
      m.signed_on = DayOf(h.signed_on);
      const auto delivered_on = inventory_.DeliveredOn(tx, actor.tenant_id, {h.unit_id});
      const std::optional<std::string> delivered = delivered_on.contains(h.unit_id) ? delivered_on.at(h.unit_id) : std::nullopt;
      if (delivered) m.delivered_on = DayOf(*delivered);
      const auto codes = inventory_.CodesOf(tx, actor.tenant_id, {h.unit_id});
      homes.push_back(boost::json::object{{"unit_id", h.unit_id},
                                          {"unit_code", codes.contains(h.unit_id) ? codes.at(h.unit_id) : ""},
                                          {"project_id", h.project_id},
                                          {"project_name", projects.contains(h.project_id) ? projects.at(h.project_id) : ""},
                                          {"signed_on", h.signed_on},
                                          {"delivered_on", JsonOr(delivered)},
                                          {"stage", StageOf(m, DayOf(today))}});
      if (!latest || m.signed_on >= latest->signed_on) latest = m;
    }
    std::vector<JourneyTask> tasks;
    for (const auto& r : tx.Execute(kTasksOfCustomer, customer.id, actor.tenant_id)) tasks.push_back(kTaskColumns.Read(r));
    Name(tx, actor.tenant_id, tasks);
    boost::json::array steps;
    std::int64_t missed_total = 0;
    for (int step = 1; step <= 8; ++step) {
      boost::json::array of_step;
      std::int64_t done = 0, missed = 0, open = 0;
      for (const auto& t : tasks) {
        if (t.step != step) continue;
        auto j = ToJson(t, today);
        const std::string state(j.at("state").as_string());
        if (state == "done" || state == "done_late") ++done;
        if (state == "missed") ++missed;
        if (state == "due" || state == "upcoming") ++open;
        of_step.push_back(std::move(j));
      }
      missed_total += missed;
      steps.push_back(boost::json::object{{"step", step}, {"name", StepName(step)}, {"done", done}, {"missed", missed}, {"open", open},
                                          {"tasks", std::move(of_step)}});
    }
    const int stage = StageOf(latest, DayOf(today));
    return boost::json::object{{"customer_id", customer.id},
                               {"customer_name", customer.name},
                               {"stage", stage},
                               {"stage_name", StepName(stage)},
                               {"homes", std::move(homes)},
                               {"missed", missed_total},
                               {"steps", std::move(steps)}};
  });
}

Result<boost::json::array> JourneyService::AfterDelivery(const RequestContext& ctx, std::optional<std::int64_t> project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = Today();
  const std::int64_t today_day = *ParseIsoDate(today);
  const std::string since = FormatIsoDate(today_day - kAfterCareDays);
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::array> {
    std::vector<std::int64_t> projects;
    const auto names = inventory_.NamesOfProjects(tx, actor.tenant_id);
    if (project_id) {
      if (!inventory_.ProjectFor(tx, actor, *project_id)) return FailField("project_id", "not_found");
      projects.push_back(*project_id);
    } else {
      for (const auto& [id, name] : names) {
        if (inventory_.ProjectFor(tx, actor, id)) projects.push_back(id);
      }
    }
    boost::json::array out;
    for (const auto project : projects) {
      const auto delivered = inventory_.DeliveredSince(tx, actor.tenant_id, project, since);
      if (delivered.empty() && !project_id) continue;
      AfterCare care;
      care.delivered_units = static_cast<std::int64_t>(delivered.size());
      std::string last;
      for (const auto& [unit, on] : delivered) last = std::max(last, on);
      std::set<std::int64_t> called, visited, with_callback;
      for (const auto& r : tx.Execute(kAfterCareTasks, project, actor.tenant_id)) {
        const std::int64_t unit = r.Int(0);
        if (!delivered.contains(unit)) continue;
        const bool callback = r.Text(1) == "delivery_callback";
        const bool done = r.Text(2) == "done";
        const bool late = LateTask(r.Text(3), done ? r.OptText(4) : std::nullopt, today);
        auto& counts = callback ? care.callback : care.visit;
        if (callback) with_callback.insert(unit);
        if (done) {
          (callback ? called : visited).insert(unit);
          ++(late ? counts.done_late : counts.done);
        } else {
          ++(late ? counts.overdue : counts.open);
        }
      }
      care.callback_covered = static_cast<std::int64_t>(called.size());
      care.callback_not_made = care.delivered_units - static_cast<std::int64_t>(with_callback.size());
      care.visits_done = static_cast<std::int64_t>(visited.size());
      care.visit_target = VisitTarget(care.delivered_units);
      const auto name = names.find(project);
      auto counts = [](const AfterCare::Counts& c) {
        return boost::json::object{{"done", c.done}, {"done_late", c.done_late}, {"open", c.open}, {"overdue", c.overdue}};
      };
      out.push_back(boost::json::object{
          {"project_id", project},
          {"project_name", name == names.end() ? "" : name->second},
          {"since", since},
          {"delivered_units", care.delivered_units},
          {"callback", boost::json::object{{"covered", care.callback_covered},
                                           {"coverage", care.delivered_units ? static_cast<double>(care.callback_covered) / care.delivered_units : 1.0},
                                           {"not_made", care.callback_not_made},
                                           {"tasks", counts(care.callback)}}},
          {"home_visit", boost::json::object{{"target", care.visit_target},
                                             {"visited", care.visits_done},
                                             {"met", care.visits_done >= care.visit_target},
                                             {"due_by", last.empty() ? boost::json::value(nullptr) : boost::json::value(FormatIsoDate(*ParseIsoDate(last) + kAfterCareDays))},
                                             {"tasks", counts(care.visit)}}}});
    }
    return out;
  });
}

Result<boost::json::array> JourneyService::Scores(const RequestContext& ctx, const std::string& period) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const auto quarter = QuarterOf(period);
  if (!quarter) return FailField("period", "invalid_format");
  const auto [first, last] = *quarter;
  const std::int64_t today = DayOf(Today());
  const std::int64_t until = std::min(last, today);
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::array> {
    // The companies with touches due in the quarter, or evaluated in it, in the caller's scope.
    const Timestamp from{first * kDayMs - kChinaMs}, to{(last + 1) * kDayMs - kChinaMs};
    std::set<std::int64_t> company_ids;
    for (const auto& r : tx.Execute(kCompanies, actor.tenant_id, FormatIsoDate(first), FormatIsoDate(last))) company_ids.insert(r.Int(0));
    for (const auto& source : evaluation_sources_) {
      for (const auto& e : source(tx, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", from, to)) {
        company_ids.insert(e.company_id);
      }
    }
    std::vector<platform::OrgUnit> companies;
    for (const auto id : company_ids) {
      auto unit = platform::directory::UnitOrFirstGroup(tx, id);
      if (unit && unit->tenant_id == actor.tenant_id && actor.InScope(unit->path)) companies.push_back(*unit);
    }
    boost::json::array out;
    for (const auto& company : companies) {
      ScoreFacts f;
      boost::json::array lost;
      bool truncated = false;  // more points lost than the 200 listed
      auto lose = [&](boost::json::object entry) {
        if (lost.size() < 200) {
          lost.push_back(std::move(entry));
        } else {
          truncated = true;
        }
      };
      for (const auto& r : tx.Execute(kDueInQuarter, company.id, FormatIsoDate(first), FormatIsoDate(until))) {
        ++f.due;
        const std::string status = r.Text(5);
        const std::int64_t due = DayOf(r.Text(4));
        const bool on_time = status == "done" && DayOf(r.Text(6)) <= due + kGraceDays;
        if (on_time) {
          ++f.on_time;
        } else {
          lose(boost::json::object{{"part", "execution"}, {"task_id", r.Int(0)}, {"customer_id", r.Int(1)}, {"unit_id", r.Int(2)},
                                             {"what", fmt::format("{}（{} 到期）{}", r.Text(3), r.Text(4), status == "done" ? "逾期完成" : "未完成")}});
        }
      }
      for (const auto& r : tx.Execute(kDoneInQuarter, company.id, FormatIsoDate(first), FormatIsoDate(last))) {
        ++f.done;
        if (!r.Text(4).empty()) {
          ++f.with_evidence;
        } else {
          lose(boost::json::object{{"part", "process"}, {"task_id", r.Int(0)}, {"customer_id", r.Int(1)}, {"unit_id", r.Int(2)},
                                             {"what", r.Text(3) + "：完成但无留证"}});
        }
      }
      for (const auto& [batch, gate] : batches_.GatesDue(tx, actor.tenant_id, company.path + "%", first, until)) {
        ++f.gates_due;
        if (gate.passed) {
          ++f.gates_passed;
        } else {
          lose(boost::json::object{{"part", "process"}, {"what", fmt::format("{}：{}未按期完成（{} 到期）", batch, gate.label, gate.due_on.value_or(""))}});
        }
      }
      std::vector<Evaluated> evaluated;
      for (const auto& source : evaluation_sources_) {
        auto more = source(tx, actor.tenant_id, company.path + "%", from, to);
        evaluated.insert(evaluated.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      }
      const char* evaluation_source = evaluated.empty() ? "callback" : "survey";
      for (const auto& e : evaluated) {
        ++f.rated;
        if (e.satisfied) {
          ++f.satisfied;
        } else {
          lose(boost::json::object{{"part", "evaluation"}, {"customer_id", e.customer_id}, {"unit_id", e.unit_id}, {"what", e.what}});
        }
      }
      if (evaluated.empty()) {
        for (const auto& [ticket, rating] : tickets_.Ratings(tx, actor.tenant_id, company.path + "%", from, to)) {
          ++f.rated;
          if (rating >= 4) {
            ++f.satisfied;
          } else {
            lose(boost::json::object{{"part", "evaluation"}, {"ticket_id", ticket}, {"what", fmt::format("工单回访评价 {} 分", rating)}});
          }
        }
      }
      // Each point lost names its customer and unit (the drill-down shows names, not numbers).
      std::vector<std::int64_t> customers, units;
      for (const auto& l : lost) {
        if (const auto* c = l.as_object().if_contains("customer_id")) customers.push_back(c->as_int64());
        if (const auto* u = l.as_object().if_contains("unit_id")) units.push_back(u->as_int64());
      }
      const auto names = customers_.NamesOf(tx, actor.tenant_id, customers);
      const auto codes = inventory_.CodesOf(tx, actor.tenant_id, units);
      for (auto& l : lost) {
        auto& o = l.as_object();
        if (const auto* c = o.if_contains("customer_id")) {
          const auto it = names.find(c->as_int64());
          o["customer_name"] = it == names.end() ? "" : it->second;
        }
        if (const auto* u = o.if_contains("unit_id")) {
          const auto it = codes.find(u->as_int64());
          o["unit_code"] = it == codes.end() ? "" : it->second;
        }
      }
      const Score s = ScoreOf(f);
      out.push_back(boost::json::object{
          {"company_id", company.id},
          {"company_name", company.name},
          {"period", period},
          {"execution", s.execution},
          {"process", s.process},
          {"evaluation", s.evaluation},
          {"total", s.total},
          {"counts", boost::json::object{{"due", f.due}, {"on_time", f.on_time}, {"done", f.done}, {"with_evidence", f.with_evidence},
                                         {"gates_due", f.gates_due}, {"gates_passed", f.gates_passed}, {"rated", f.rated},
                                         {"satisfied", f.satisfied}}},
          {"evaluation_source", evaluation_source},
          {"points_lost", std::move(lost)},
          {"points_lost_truncated", truncated}});
    }
    return out;
  });
}

Result<boost::json::object> JourneyService::FourYearPlan(const RequestContext& ctx, std::optional<std::int64_t> company_id,
                                                         std::optional<std::int64_t> project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = Today();
  const std::int64_t today_day = DayOf(today);
  // The months shown: a year back, this one, 47 ahead; the cycle's window for the coverage.
  const int year = std::stoi(today.substr(0, 4)), month = std::stoi(today.substr(5, 2));
  auto month_start = [&](int shift) {
    const int index = year * 12 + (month - 1) + shift;
    return fmt::format("{:04}-{:02}-01", index / 12, index % 12 + 1);
  };
  constexpr int kBack = 12, kAhead = 48;
  const std::int64_t first = DayOf(month_start(-kBack)), end = DayOf(month_start(kAhead)) - 1;
  const std::int64_t cycle_from = today_day - kFourYearDays + 1;
  return db_.Read([&](db::Tx& tx) -> Result<boost::json::object> {
    std::map<std::int64_t, std::int64_t> project_company;  // the projects counted → their company
    std::map<std::int64_t, std::int64_t> companies_cache;
    const auto names = inventory_.NamesOfProjects(tx, actor.tenant_id);
    if (project_id) {
      auto project = inventory_.ProjectFor(tx, actor, *project_id);
      if (!project) return FailField("project_id", "not_found");
      project_company.emplace(project->id, CompanyOf(tx, project->org_unit_id, companies_cache));
    } else {
      // A company, or a region or the group above companies: the projects below it.
      std::optional<std::string> under;
      if (company_id) {
        auto unit = platform::directory::UnitOrFirstGroup(tx, *company_id);
        if (!unit || unit->tenant_id != actor.tenant_id || unit->kind == "project" || !actor.InScope(unit->path)) {
          return FailField("company_id", "not_found");
        }
        under = unit->path;
      }
      for (const auto& [id, name] : names) {
        auto project = inventory_.ProjectFor(tx, actor, id);
        if (!project) continue;
        if (under) {
          auto unit = platform::directory::UnitOrFirstGroup(tx, project->org_unit_id);
          if (!unit || !unit->path.starts_with(*under)) continue;
        }
        project_company.emplace(id, CompanyOf(tx, project->org_unit_id, companies_cache));
      }
    }
    // The touch's offset as each company plays it (its own version over the group's); active when
    // any company counted makes its tasks.
    std::map<std::int64_t, const Touch*> own;  // company → its own version
    std::optional<Touch> group_touch;
    const auto touches = TouchesOf(tx, actor.tenant_id);
    for (const auto& t : touches) {
      if (t.code != "four_year_visit") continue;
      if (t.company_id) {
        own[*t.company_id] = &t;
      } else {
        group_touch = t;
      }
    }
    std::map<std::int64_t, int> offset_of;  // company → offset
    bool active = false;
    for (const auto& [project, company] : project_company) {
      const Touch* t = own.contains(company) ? own.at(company) : group_touch ? &*group_touch : nullptr;
      offset_of[company] = t ? t->offset_days : 0;
      active = active || (t && t->active);
    }
    if (project_company.empty()) active = group_touch && group_touch->active;
    struct Month {
      std::int64_t planned = 0, done = 0, open = 0, missed = 0;
    };
    std::vector<Month> months(kBack + kAhead);
    std::vector<std::int64_t> month_first;
    for (int i = 0; i <= kBack + kAhead; ++i) month_first.push_back(DayOf(month_start(i - kBack)));
    auto month_of = [&](std::int64_t day) -> int {
      if (day < first || day > end) return -1;
      return static_cast<int>(std::upper_bound(month_first.begin(), month_first.end(), day) - month_first.begin()) - 1;
    };
    struct ProjectCount {
      std::int64_t homes = 0, due = 0, visited = 0;
    };
    std::map<std::int64_t, ProjectCount> per_project;
    std::map<std::int64_t, std::set<std::int64_t>> due_units;  // project → homes due in the current cycle
    std::int64_t homes = 0;
    for (const auto& [project, company] : project_company) {
      const int offset = offset_of.at(company);
      auto& count = per_project[project];
      for (const auto& [unit, on] : inventory_.DeliveredSince(tx, actor.tenant_id, project, "0000-00-00")) {
        ++homes;
        ++count.homes;
        Milestones m;
        m.delivered_on = DayOf(on);
        m.four_year_phase = FourYearPhase(unit);
        for (const auto day : DueDays(Trigger::kFourYear, offset, m, std::min(first, cycle_from), end)) {
          if (const int i = month_of(day); i >= 0) ++months[static_cast<std::size_t>(i)].planned;
          if (day >= cycle_from && day <= today_day) due_units[project].insert(unit);
        }
      }
      count.due = static_cast<std::int64_t>(due_units[project].size());
    }
    std::set<std::int64_t> companies;
    for (const auto& [project, company] : project_company) companies.insert(company);
    std::map<std::int64_t, std::set<std::int64_t>> visited;  // project → homes visited in the current cycle
    for (const auto company : companies) {
      for (const auto& r : tx.Execute(kFourYearTasks, company, FormatIsoDate(std::min(first, cycle_from)))) {
        const std::int64_t project = r.Int(0);
        if (!project_company.contains(project)) continue;
        const std::string status = r.Text(2), due_on = r.Text(3);
        const std::int64_t due = DayOf(due_on);
        const bool done = status == "done";
        if (done && due >= cycle_from && due_units[project].contains(r.Int(1))) visited[project].insert(r.Int(1));
        const int i = month_of(due);
        if (i < 0) continue;
        auto& m = months[static_cast<std::size_t>(i)];
        if (done) {
          ++m.done;
        } else if (status == "open") {
          ++(LateTask(due_on, std::nullopt, today) ? m.missed : m.open);
        }
      }
    }
    boost::json::array month_list, project_list;
    for (int i = 0; i < kBack + kAhead; ++i) {
      const auto& m = months[static_cast<std::size_t>(i)];
      month_list.push_back(boost::json::object{{"month", month_start(i - kBack).substr(0, 7)},
                                               {"planned", m.planned},
                                               {"done", m.done},
                                               {"open", m.open},
                                               {"missed", m.missed},
                                               {"not_made", std::max<std::int64_t>(0, m.planned - m.done - m.open - m.missed)}});
    }
    std::int64_t due = 0, done = 0;
    for (auto& [project, count] : per_project) {
      count.visited = static_cast<std::int64_t>(visited[project].size());
      due += count.due;
      done += count.visited;
      if (count.homes == 0 && !project_id) continue;
      const auto name = names.find(project);
      project_list.push_back(boost::json::object{{"project_id", project},
                                                 {"project_name", name == names.end() ? "" : name->second},
                                                 {"homes", count.homes},
                                                 {"due", count.due},
                                                 {"visited", count.visited},
                                                 {"coverage", count.due ? static_cast<double>(count.visited) / static_cast<double>(count.due) : 1.0}});
    }
    return boost::json::object{{"today", today},
                               {"active", active},
                               {"homes", homes},
                               {"per_month", (homes + 47) / 48},
                               {"cycle_from", FormatIsoDate(cycle_from)},
                               {"coverage", boost::json::object{{"due", due},
                                                                {"visited", done},
                                                                {"share", due ? static_cast<double>(done) / static_cast<double>(due) : 1.0}}},
                               {"months", std::move(month_list)},
                               {"projects", std::move(project_list)}};
  });
}

}  // namespace hearth::delivery
