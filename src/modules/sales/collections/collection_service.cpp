#include "modules/sales/collections/collection_service.hpp"

#include <map>

#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/sales/sales_common.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::sales {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000, kChinaOffsetMs = 8LL * 3600 * 1000;

const db::Columns<DunningTask> kColumns{
    {"id", &DunningTask::id},
    {"tenant_id", &DunningTask::tenant_id},
    {"project_id", &DunningTask::project_id},
    {"org_unit_id", &DunningTask::org_unit_id},
    {"contract_id", &DunningTask::contract_id},
    {"consultant_id", &DunningTask::consultant_id},
    {"stage", &DunningTask::stage},
    {"overdue_cents", &DunningTask::overdue_cents},
    {"oldest_due_on", &DunningTask::oldest_due_on},
    {"status", &DunningTask::status, kDunningStatuses},
    {"promised_on", &DunningTask::promised_on},
    {"last_contact_at", &DunningTask::last_contact_at},
    {"closed_at", &DunningTask::closed_at},
    {"version", &DunningTask::version},
    {"created_at", &DunningTask::created_at},
    {"updated_at", &DunningTask::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM dunning_tasks WHERE id = $1 AND tenant_id = $2";
const std::string kOpenOf = "SELECT " + kColumns.List() + " FROM dunning_tasks WHERE contract_id = $1 AND status <> 'closed'";
// Open and promised ones unless a status is asked; the oldest debts first within a page by id.
const std::string kList = "SELECT " + kColumns.List("t") + " FROM dunning_tasks t" HEARTH_JOIN_ORG_UNIT("t") R"sql(
 WHERE t.tenant_id = $1 AND o.path LIKE $2 AND (CAST($3 AS BIGINT) IS NULL OR t.id < $3)
   AND ((CAST($4 AS TEXT) IS NULL AND t.status <> 'closed') OR t.status = $4)
   AND (CAST($5 AS BIGINT) IS NULL OR t.project_id = $5)
   AND (CAST($6 AS BIGINT) = 0 OR t.stage = $6)
   AND (CAST($7 AS BIGINT) = 0 OR t.consultant_id = $7)
 ORDER BY t.id DESC LIMIT $8)sql";
constexpr std::string_view kInsert = R"sql(
INSERT INTO dunning_tasks (tenant_id, project_id, org_unit_id, contract_id, consultant_id, stage, overdue_cents,
                           oldest_due_on, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9) RETURNING id)sql";
constexpr std::string_view kUpdate = R"sql(
UPDATE dunning_tasks SET stage = $2, overdue_cents = $3, oldest_due_on = $4, status = $5, promised_on = $6,
       version = version + 1, updated_at = $7
 WHERE id = $1)sql";
constexpr std::string_view kClose = R"sql(
UPDATE dunning_tasks SET status = 'closed', closed_at = $2, overdue_cents = 0, version = version + 1, updated_at = $2
 WHERE id = $1 AND status <> 'closed')sql";
constexpr std::string_view kContacted = R"sql(
UPDATE dunning_tasks SET status = $2, promised_on = $3, last_contact_at = $4, version = version + 1, updated_at = $4
 WHERE id = $1)sql";
constexpr std::string_view kInsertNote = R"sql(
INSERT INTO dunning_notes (tenant_id, task_id, kind, note, promised_on, actor_id, at, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kNotes = R"sql(
SELECT id, task_id, kind, note, promised_on, actor_id, at FROM dunning_notes WHERE task_id = $1 ORDER BY id DESC LIMIT 200)sql";
constexpr std::string_view kConsultantOf = R"sql(
SELECT s.consultant_id FROM contracts c JOIN subscriptions s ON s.id = c.subscription_id WHERE c.id = $1)sql";
// Every instalment of the signed contracts in scope (or of one project), for the ageing report.
constexpr std::string_view kInstalmentsInScope = R"sql(
SELECT c.project_id, c.id, c.total_cents, c.paid_cents, i.due_on, i.amount_cents, i.paid_cents
  FROM contracts c JOIN contract_instalments i ON i.contract_id = c.id)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND c.status = 'signed' AND o.path LIKE $2 AND (CAST($3 AS BIGINT) IS NULL OR c.project_id = $3)
 ORDER BY c.id, i.seq)sql";

std::string DateOf(std::int64_t day) { return FormatIsoDate(day); }

}  // namespace

boost::json::object ToJson(const Collections& c) {
  auto row = [](const CollectionRow& r) {
    const std::int64_t due = r.paid_cents + r.ageing.overdue();
    return boost::json::object{{"project_id", r.project_id},
                               {"project_name", r.project_name},
                               {"contracts", r.contracts},
                               {"total_cents", r.total_cents},
                               {"paid_cents", r.paid_cents},
                               {"due_cents", due},
                               {"not_due_cents", r.ageing.not_due},
                               {"overdue_cents", r.ageing.overdue()},
                               {"overdue_1_30_cents", r.ageing.d1_30},
                               {"overdue_31_60_cents", r.ageing.d31_60},
                               {"overdue_61_90_cents", r.ageing.d61_90},
                               {"overdue_90_plus_cents", r.ageing.d90_plus},
                               {"overdue_contracts", r.overdue_contracts},
                               {"collection_rate", due > 0 ? static_cast<double>(r.paid_cents) / static_cast<double>(due) : 1.0}};
  };
  boost::json::array rows;
  for (const auto& r : c.rows) rows.push_back(row(r));
  return {{"as_of", c.as_of}, {"rows", std::move(rows)}, {"total", row(c.total)}};
}

Table TableOf(const Collections& c) {
  Table t;
  t.header = {"项目", "合同数", "合同总额(元)", "已回款(元)", "未到期(元)", "逾期合计(元)", "逾期1-30天(元)", "逾期31-60天(元)",
              "逾期61-90天(元)", "逾期90天以上(元)", "逾期合同数", "回款率"};
  auto yuan = [](std::int64_t cents) { return Table::Cell(static_cast<double>(cents) / 100.0); };
  auto add = [&](const CollectionRow& r, const std::string& name) {
    const std::int64_t due = r.paid_cents + r.ageing.overdue();
    t.rows.push_back({name, r.contracts, yuan(r.total_cents), yuan(r.paid_cents), yuan(r.ageing.not_due), yuan(r.ageing.overdue()),
                      yuan(r.ageing.d1_30), yuan(r.ageing.d31_60), yuan(r.ageing.d61_90), yuan(r.ageing.d90_plus),
                      r.overdue_contracts, due > 0 ? static_cast<double>(r.paid_cents) / static_cast<double>(due) : 1.0});
  };
  for (const auto& r : c.rows) add(r, r.project_name);
  add(c.total, "合计");
  return t;
}

CollectionService::CollectionService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                                     platform::JobScheduler& jobs, platform::Notifications& notifications,
                                     customers::CustomerService& customers, inventory::InventoryService& inventory,
                                     DealService& deals)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), notifications_(notifications), customers_(customers),
      inventory_(inventory), deals_(deals) {
  deals_.AddContractHook([this](db::Tx& tx, const RequestContext& ctx, const Contract& c, DealService::ContractEvent e) {
    if (e == DealService::ContractEvent::kSigned) {
      for (const auto& i : c.plan) Schedule(tx, c.tenant_id, c.id, i.due_on);
    }
    Check(tx, c.tenant_id, c.id, ctx);
  });
}

void CollectionService::Track(db::Tx& tx, const Contract& c, bool notify) {
  const std::string today = ChinaToday(clock_.Now());
  for (const auto& i : c.plan) {
    if (i.due_on >= today && i.paid_cents < i.amount_cents) Schedule(tx, c.tenant_id, c.id, i.due_on);
  }
  Check(tx, c.tenant_id, c.id, std::nullopt, notify);
}

void CollectionService::Schedule(db::Tx& tx, std::int64_t tenant_id, std::int64_t contract_id, const std::string& on) {
  // The start of the day after `on` in China: an instalment is overdue from then.
  const auto day = ParseIsoDate(on);
  if (!day) return;
  jobs_.Enqueue(tx, tenant_id, kCheckJob, boost::json::object{{"contract_id", contract_id}},
                Timestamp{(*day + 1) * kDayMs - kChinaOffsetMs});
}

std::optional<DunningTask> CollectionService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

std::optional<DunningTask> CollectionService::OpenOf(db::Tx& tx, std::int64_t contract_id) {
  auto rows = tx.Execute(kOpenOf, contract_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

Result<DunningTask> CollectionService::TaskFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto t = Find(tx, actor.tenant_id, id);
  if (!t || !inventory_.ProjectFor(tx, actor, t->project_id)) return NotFound("no such dunning task");
  return *t;
}

void CollectionService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<DunningTask>& tasks) {
  if (tasks.empty()) return;
  std::vector<std::int64_t> users;
  for (const auto& t : tasks) users.push_back(t.consultant_id);
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  for (auto& t : tasks) {
    if (auto it = names.find(t.consultant_id); it != names.end()) t.consultant_name = it->second.Shown();
    if (auto it = projects.find(t.project_id); it != projects.end()) t.project_name = it->second;
    if (auto c = deals_.ContractOf(tx, tenant_id, t.contract_id)) {
      t.contract_no = c->contract_no;
      t.unit_code = c->unit_code;
      t.buyers = c->buyers;
    }
  }
}

void CollectionService::Check(db::Tx& tx, std::int64_t tenant_id, std::int64_t contract_id,
                              const std::optional<RequestContext>& ctx, bool notify) {
  const auto c = deals_.ContractOf(tx, tenant_id, contract_id);
  if (!c) return;
  const Timestamp now = clock_.Now();
  const std::string today = ChinaToday(now);
  auto open = OpenOf(tx, contract_id);
  const auto oldest = c->status == ContractStatus::kSigned ? OldestOverdue(c->plan, today) : std::nullopt;
  if (!oldest) {
    if (open) tx.Execute(kClose, open->id, now);
    return;
  }
  const std::int64_t overdue = OverdueCents(c->plan, today);
  const int stage = DunningStage(DaysBetween(*oldest, today));
  bool raised = false;
  DunningTask t;
  if (!open) {
    const auto consultant = tx.Execute(kConsultantOf, contract_id);
    t.consultant_id = consultant.empty() ? 0 : consultant.front().Int(0);
    t.id = tx.Execute(kInsert, tenant_id, c->project_id, c->org_unit_id, contract_id, t.consultant_id,
                      static_cast<std::int64_t>(stage), overdue, *oldest, now)
               .front()
               .Int(0);
    t.stage = stage;
    raised = true;
  } else {
    t = *open;
    raised = stage > t.stage;
    // A promise past its date without the money: open again.
    const bool broken = t.status == DunningStatus::kPromised && t.promised_on && *t.promised_on < today;
    const DunningStatus status = broken ? DunningStatus::kOpen : t.status;
    const std::optional<std::string> promised = broken ? std::nullopt : t.promised_on;
    tx.Execute(kUpdate, t.id, static_cast<std::int64_t>(std::max<std::int64_t>(stage, t.stage)), overdue, *oldest, status,
               promised, now);
    t.stage = std::max<std::int64_t>(stage, t.stage);
  }
  if (!raised) return;
  // The next stage's day checks again.
  if (auto next = NextStageDay(stage)) Schedule(tx, tenant_id, contract_id, DateOf(*ParseIsoDate(*oldest) + *next - 1));
  if (!notify) return;
  const char* stages[] = {"", "逾期提醒", "逾期催告", "逾期转法务"};
  std::vector<std::int64_t> to{t.consultant_id};
  if (stage == 3) {
    for (auto m : platform::Notifications::UsersWithRole(tx, c->org_unit_id, {"manager"})) to.push_back(m);
  }
  notifications_.Notify(tx, tenant_id, to, "sales.dunning",
                        fmt::format("{}：合同 {}（{}）", stages[stage], c->contract_no, c->unit_code),
                        fmt::format("合同 {} 逾期 {}，最早一期应于 {} 付款，已逾期 {} 天。", c->contract_no, Yuan(overdue), *oldest,
                                    DaysBetween(*oldest, today)),
                        "dunning_task", t.id);
  if (ctx && ctx->actor) {
    audit_.Record(tx, *ctx, "dunning.raised", "dunning_task", t.id, nullptr,
                  boost::json::object{{"stage", stage}, {"overdue_cents", overdue}});
  }
}

Result<void> CollectionService::OnCheckJob(db::Tx& tx, const platform::Job& job) {
  const auto* id = job.payload.if_contains("contract_id");
  if (!id || !id->is_int64()) return {};
  Check(tx, job.tenant_id, id->as_int64(), std::nullopt);
  return {};
}

Result<platform::Listing<DunningTask>> CollectionService::List(const RequestContext& ctx, const DunningFilter& f,
                                                               const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<DunningTask>> {
    platform::Listing<DunningTask> out;
    const std::optional<std::string> status =
        f.status ? std::optional<std::string>(std::string(WordOf(*f.status))) : std::nullopt;
    // 0: any (no optional here: GCC 12 warns of it inside the lambda).
    const std::int64_t stage = f.stage.value_or(0);
    const std::int64_t consultant = f.mine ? actor.user_id : 0;
    auto rows = tx.Execute(kList, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", page.after_id,
                           status, f.project_id, stage, consultant, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const DunningTask& t) { return t.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<DunningTask> CollectionService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<DunningTask> {
    HEARTH_ASSIGN(DunningTask t, TaskFor(tx, actor, id));
    std::vector<DunningTask> one{t};
    Name(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<DunningNote> CollectionService::AddContact(const RequestContext& ctx, std::int64_t task_id, const ContactInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not chase payments");
  const Timestamp now = clock_.Now();
  const std::string today = ChinaToday(now);
  if (in.promised_on) {
    if (!ParseIsoDate(*in.promised_on)) return FailField("promised_on", "invalid_format");
    if (*in.promised_on < today) return FailField("promised_on", "in_the_past");
  }
  return db_.Transact([&](db::Tx& tx) -> Result<DunningNote> {
    HEARTH_ASSIGN(DunningTask t, TaskFor(tx, actor, task_id));
    if (t.consultant_id != actor.user_id && !actor.IsManager()) return Forbidden("the contract is another consultant's");
    if (t.status == DunningStatus::kClosed) return Fail(ErrorCode::kConflict, "dunning_closed", "the contract is paid up");
    DunningNote n{0, t.id, in.kind, in.note, in.promised_on, actor.user_id, now, actor.username};
    n.id = tx.Execute(kInsertNote, actor.tenant_id, t.id, in.kind, in.note, in.promised_on, actor.user_id, now).front().Int(0);
    tx.Execute(kContacted, t.id, in.promised_on ? DunningStatus::kPromised : t.status, in.promised_on ? in.promised_on : t.promised_on,
               now);
    // A promise is checked the day after it falls due.
    if (in.promised_on) Schedule(tx, actor.tenant_id, t.contract_id, *in.promised_on);
    std::vector<DunningTask> one{t};
    Name(tx, actor.tenant_id, one);
    for (const auto& b : one.front().buyers) {
      customers_.AppendTimeline(
          tx, actor.tenant_id,
          {0, b.customer_id, now, "payment", "contract", t.contract_id,
           fmt::format("催款（{}）：合同 {} 逾期 {}{}{}", kContactKindLabels.Name(in.kind), one.front().contract_no, Yuan(t.overdue_cents),
                       in.promised_on ? "，承诺 " + *in.promised_on + " 前付款" : "", in.note.empty() ? "" : "。" + in.note.substr(0, 200))},
          actor.user_id);
    }
    audit_.Record(tx, ctx, "dunning.contacted", "dunning_task", t.id, nullptr,
                  boost::json::object{{"kind", WordOf(in.kind)}, {"promised_on", JsonOr(in.promised_on)}});
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, {actor.user_id});
    if (auto it = names.find(actor.user_id); it != names.end()) n.actor_name = it->second.Shown();
    return n;
  });
}

Result<std::vector<DunningNote>> CollectionService::Contacts(const RequestContext& ctx, std::int64_t task_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<DunningNote>> {
    HEARTH_TRY(TaskFor(tx, actor, task_id));
    std::vector<DunningNote> out;
    std::vector<std::int64_t> users;
    auto rows = tx.Execute(kNotes, task_id);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      out.push_back({r.Int(0), r.Int(1), kContactKinds.Stored(r.Text(2)), r.Text(3), r.OptText(4), r.Int(5), r.Time(6), ""});
      users.push_back(r.Int(5));
    }
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& n : out) {
      if (auto it = names.find(n.actor_id); it != names.end()) n.actor_name = it->second.Shown();
    }
    return out;
  });
}

Result<Collections> CollectionService::Report(const RequestContext& ctx, std::optional<std::int64_t> project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = ChinaToday(clock_.Now());
  return db_.Read([&](db::Tx& tx) -> Result<Collections> {
    if (project_id && !inventory_.ProjectFor(tx, actor, *project_id)) return FailField("project_id", "not_found");
    auto rows = tx.Execute(kInstalmentsInScope, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%",
                           project_id);
    std::map<std::int64_t, CollectionRow> by_project;
    std::int64_t contract = 0;
    std::vector<Instalment> plan;
    CollectionRow* row = nullptr;
    auto finish = [&] {
      if (!row) return;
      const Ageing a = AgeOf(plan, today);
      row->ageing.Add(a);
      if (a.overdue() > 0) ++row->overdue_contracts;
      plan.clear();
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      if (r.Int(1) != contract) {
        finish();
        contract = r.Int(1);
        row = &by_project[r.Int(0)];
        row->project_id = r.Int(0);
        ++row->contracts;
        row->total_cents += r.Int(2);
        row->paid_cents += r.Int(3);
      }
      plan.push_back({0, r.Text(4), InstalmentKind::kInstallment, r.Int(5), r.Int(6)});
    }
    finish();
    Collections out;
    out.as_of = today;
    const auto names = inventory_.NamesOfProjects(tx, actor.tenant_id);
    for (auto& [id, r] : by_project) {
      if (auto it = names.find(id); it != names.end()) r.project_name = it->second;
      out.total.contracts += r.contracts;
      out.total.total_cents += r.total_cents;
      out.total.paid_cents += r.paid_cents;
      out.total.overdue_contracts += r.overdue_contracts;
      out.total.ageing.Add(r.ageing);
      out.rows.push_back(r);
    }
    // The most overdue first.
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [](const CollectionRow& a, const CollectionRow& b) { return a.ageing.overdue() > b.ageing.overdue(); });
    out.total.project_name = "合计";
    return out;
  });
}

}  // namespace hearth::sales
