#include "modules/delivery/batches/batch_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "modules/service/config/service_config.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::delivery {

namespace {

const db::Columns<Batch> kBatchColumns{
    {"id", &Batch::id},
    {"tenant_id", &Batch::tenant_id},
    {"project_id", &Batch::project_id},
    {"org_unit_id", &Batch::org_unit_id},
    {"name", &Batch::name},
    {"planned_on", &Batch::planned_on},
    {"status", &Batch::status, kBatchStatuses},
    {"released_at", &Batch::released_at},
    {"released_by", &Batch::released_by},
    {"override_reason", &Batch::override_reason},
    {"version", &Batch::version},
    {"created_at", &Batch::created_at},
    {"updated_at", &Batch::updated_at},
};
const db::Columns<Inspection> kInspectionColumns{
    {"id", &Inspection::id},
    {"tenant_id", &Inspection::tenant_id},
    {"batch_id", &Inspection::batch_id},
    {"kind", &Inspection::kind, kInspectionKinds},
    {"on_date", &Inspection::on},
    {"note", &Inspection::note},
    {"created_by", &Inspection::created_by},
    {"version", &Inspection::version},
    {"created_at", &Inspection::created_at},
    {"updated_at", &Inspection::updated_at},
};
const db::Columns<Finding> kFindingColumns{
    {"id", &Finding::id},
    {"tenant_id", &Finding::tenant_id},
    {"inspection_id", &Finding::inspection_id},
    {"batch_id", &Finding::batch_id},
    {"unit_id", &Finding::unit_id},
    {"location", &Finding::location},
    {"category_id", &Finding::category_id},
    {"category", &Finding::category},
    {"severity", &Finding::severity, kSeverities},
    {"description", &Finding::description},
    {"status", &Finding::status, kFindingStatuses},
    {"closed_at", &Finding::closed_at},
    {"closed_by", &Finding::closed_by},
    {"close_note", &Finding::close_note},
    {"created_by", &Finding::created_by},
    {"version", &Finding::version},
    {"created_at", &Finding::created_at},
    {"updated_at", &Finding::updated_at},
};
const db::Columns<OpenDay> kOpenDayColumns{
    {"id", &OpenDay::id},
    {"tenant_id", &OpenDay::tenant_id},
    {"project_id", &OpenDay::project_id},
    {"org_unit_id", &OpenDay::org_unit_id},
    {"on_date", &OpenDay::on},
    {"decoration", &OpenDay::decoration},
    {"note", &OpenDay::note},
    {"status", &OpenDay::status},
    {"veto_reason", &OpenDay::veto_reason},
    {"vetoed_by", &OpenDay::vetoed_by},
    {"vetoed_at", &OpenDay::vetoed_at},
    {"created_by", &OpenDay::created_by},
    {"version", &OpenDay::version},
    {"created_at", &OpenDay::created_at},
    {"updated_at", &OpenDay::updated_at},
    {"capacity", &OpenDay::capacity},
    {"signed_up", &OpenDay::signed_up},
    {"checked_in", &OpenDay::checked_in},
    {"prep_held_on", &OpenDay::prep_held_on},
    {"prep_note", &OpenDay::prep_note},
};

const std::string kFindBatch = "SELECT " + kBatchColumns.List() + " FROM delivery_batches WHERE id = $1 AND tenant_id = $2";
const std::string kBatchOfUnit = "SELECT " + kBatchColumns.List("b") + R"sql( FROM delivery_batch_units u
  JOIN delivery_batches b ON b.id = u.batch_id WHERE u.unit_id = $1 AND b.tenant_id = $2)sql";
// Nearest delivery first, in the caller's scope; keyset on id within the planned day is not
// needed: the cursor is the id, the order (planned_on, id) is stable for a given cursor only by
// id, so the list is ordered by id descending (newest batches first).
const std::string kListBatches = "SELECT " + kBatchColumns.List("b") + " FROM delivery_batches b" HEARTH_JOIN_ORG_UNIT("b") R"sql(
 WHERE b.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR b.id < $3)
   AND (CAST($4 AS BIGINT) IS NULL OR b.project_id = $4)
   AND (CAST($5 AS TEXT) IS NULL OR b.status = $5)
   AND (CAST($7 AS BIGINT) = 0 OR b.id IN (SELECT batch_id FROM delivery_batch_units WHERE unit_id = $7))
 ORDER BY b.id DESC LIMIT $6)sql";
constexpr std::string_view kInsertBatch = R"sql(
INSERT INTO delivery_batches (tenant_id, project_id, org_unit_id, name, planned_on, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id)sql";
constexpr std::string_view kInsertBatchUnit = "INSERT INTO delivery_batch_units (batch_id, unit_id) VALUES ($1, $2)";
constexpr std::string_view kBatchUnits = "SELECT unit_id FROM delivery_batch_units WHERE batch_id = $1 ORDER BY unit_id";
constexpr std::string_view kRelease = R"sql(
UPDATE delivery_batches SET status = 'released', released_at = $3, released_by = $4, override_reason = $5,
       version = version + 1, updated_at = $3
 WHERE id = $1 AND tenant_id = $2 AND status = 'planned' AND (CAST($6 AS BIGINT) IS NULL OR version = $6))sql";
constexpr std::string_view kOpenCounts = R"sql(
SELECT severity, count(*) FROM delivery_findings WHERE batch_id = $1 AND status = 'open' GROUP BY severity)sql";
constexpr std::string_view kHeldKinds = "SELECT DISTINCT kind FROM delivery_inspections WHERE batch_id = $1";
// Open days held for the project before the batch's day (not vetoed, their day come).
constexpr std::string_view kHeldOpenDays = R"sql(
SELECT decoration, count(*) FROM open_days
 WHERE project_id = $1 AND status = 'scheduled' AND on_date < $2 AND on_date <= $3 GROUP BY decoration)sql";

const std::string kFindInspection = "SELECT " + kInspectionColumns.List() + " FROM delivery_inspections WHERE id = $1 AND tenant_id = $2";
const std::string kInspectionsOf = "SELECT " + kInspectionColumns.List() + " FROM delivery_inspections WHERE batch_id = $1 ORDER BY on_date, id";
constexpr std::string_view kInsertInspection = R"sql(
INSERT INTO delivery_inspections (tenant_id, batch_id, kind, on_date, note, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kInspectionCounts = R"sql(
SELECT inspection_id, count(*), SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM delivery_findings
 WHERE batch_id = $1 GROUP BY inspection_id)sql";

const std::string kFindFinding = "SELECT " + kFindingColumns.List() + " FROM delivery_findings WHERE id = $1 AND tenant_id = $2";
const std::string kListFindings = "SELECT " + kFindingColumns.List("f") + R"sql( FROM delivery_findings f
  JOIN delivery_batches b ON b.id = f.batch_id)sql" HEARTH_JOIN_ORG_UNIT("b") R"sql(
 WHERE f.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR f.id < $3)
   AND (CAST($4 AS BIGINT) IS NULL OR f.batch_id = $4)
   AND (CAST($5 AS BIGINT) IS NULL OR f.inspection_id = $5)
   AND (CAST($6 AS BIGINT) IS NULL OR f.unit_id = $6)
   AND (CAST($7 AS TEXT) IS NULL OR f.status = $7)
   AND (CAST($8 AS TEXT) IS NULL OR f.severity = $8)
 ORDER BY f.id DESC LIMIT $9)sql";
constexpr std::string_view kInsertFinding = R"sql(
INSERT INTO delivery_findings (tenant_id, inspection_id, batch_id, unit_id, location, category_id, category, severity,
                               description, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id)sql";
constexpr std::string_view kInBatch = "SELECT 1 FROM delivery_batch_units WHERE batch_id = $1 AND unit_id = $2";
constexpr std::string_view kCloseFinding = R"sql(
UPDATE delivery_findings SET status = 'closed', closed_at = $3, closed_by = $4, close_note = $5, version = version + 1,
       updated_at = $3
 WHERE id = $1 AND tenant_id = $2 AND status = 'open' AND (CAST($6 AS BIGINT) IS NULL OR version = $6))sql";
const std::string kOpenBlocking = "SELECT " + kFindingColumns.List() + R"sql( FROM delivery_findings
 WHERE batch_id = $1 AND status = 'open' AND severity = 'blocking' ORDER BY id LIMIT 200)sql";

const std::string kPrepToRemind = "SELECT " + kOpenDayColumns.List() + R"sql( FROM open_days
 WHERE tenant_id = $1 AND status = 'scheduled' AND prep_held_on IS NULL AND prep_reminded_at IS NULL AND on_date >= $2 AND on_date <= $3
 ORDER BY id LIMIT 500)sql";
constexpr std::string_view kPrepReminded = "UPDATE open_days SET prep_reminded_at = $2 WHERE id = $1";
const std::string kFindOpenDay = "SELECT " + kOpenDayColumns.List() + " FROM open_days WHERE id = $1 AND tenant_id = $2";
const std::string kListOpenDays = "SELECT " + kOpenDayColumns.List("d") + " FROM open_days d" HEARTH_JOIN_ORG_UNIT("d") R"sql(
 WHERE d.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR d.id < $3)
   AND (CAST($4 AS BIGINT) IS NULL OR d.project_id = $4)
 ORDER BY d.id DESC LIMIT $5)sql";
constexpr std::string_view kInsertOpenDay = R"sql(
INSERT INTO open_days (tenant_id, project_id, org_unit_id, on_date, decoration, note, created_by, created_at, updated_at, capacity)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id)sql";
constexpr std::string_view kRecordPrep = R"sql(
UPDATE open_days SET prep_held_on = $3, prep_note = $4, version = version + 1, updated_at = $5 WHERE id = $1 AND tenant_id = $2)sql";
constexpr std::string_view kVeto = R"sql(
UPDATE open_days SET status = 'vetoed', veto_reason = $3, vetoed_by = $4, vetoed_at = $5, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND status = 'scheduled')sql";

constexpr std::size_t kMaxUnits = 5000;


std::string CategoryPath(const std::vector<service::Category>& categories, std::int64_t id) {
  std::map<std::int64_t, const service::Category*> by_id;
  for (const auto& c : categories) by_id[c.id] = &c;
  std::vector<std::string> names;
  for (auto it = by_id.find(id); it != by_id.end() && names.size() < 10;
       it = it->second->parent_id ? by_id.find(*it->second->parent_id) : by_id.end()) {
    names.push_back(it->second->name);
  }
  std::string path;
  for (auto n = names.rbegin(); n != names.rend(); ++n) path += (path.empty() ? "" : "/") + *n;
  return path;
}

}  // namespace

namespace {

boost::json::object PrepJson(const OpenDay& d, const std::string& today) {
  const std::int64_t day = ParseIsoDate(d.on).value_or(0), now = ParseIsoDate(today).value_or(0);
  const std::int64_t due = day - kOpenDayPrepDays;
  const char* state = d.prep_held_on ? "held" : now > due ? "late" : now >= due - 14 ? "due" : "upcoming";
  if (!d.prep_held_on && d.status == "vetoed") state = "cancelled";
  return {{"due_on", FormatIsoDate(due)}, {"held_on", JsonOr(d.prep_held_on)}, {"note", JsonOr(d.prep_note)}, {"state", state}};
}

}  // namespace

boost::json::object ToJson(const OpenDay& d, const std::string& today) {
  return {{"id", d.id},
          {"project_id", d.project_id},
          {"project_name", d.project_name},
          {"on", d.on},
          {"decoration", d.decoration},
          {"note", d.note},
          {"status", d.status},
          {"held", d.status == "scheduled" && d.on <= today},
          {"capacity", JsonOr(d.capacity)},
          {"signed_up", d.signed_up},
          {"checked_in", d.checked_in},
          {"prep", PrepJson(d, today)},
          {"veto_reason", JsonOr(d.veto_reason)},
          {"vetoed_by", JsonOr(d.vetoed_by)},
          {"vetoed_by_name", JsonOr(d.vetoed_by_name)},
          {"vetoed_at", JsonTime(d.vetoed_at)},
          {"version", d.version},
          {"created_at", FormatRfc3339(d.created_at)},
          {"updated_at", FormatRfc3339(d.updated_at)}};
}

BatchService::BatchService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                           inventory::InventoryService& inventory, service::ConfigService& config)
    : db_(db), clock_(clock), audit_(audit), inventory_(inventory), config_(config) {}

std::string BatchService::Today() const { return ChinaToday(clock_); }

std::optional<Batch> BatchService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindBatch, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kBatchColumns.Read(rows.front());
}

std::map<std::int64_t, std::string> BatchService::PlannedDays(db::Tx& tx, std::int64_t project_id) {
  static constexpr std::string_view kPlanned = R"sql(
SELECT u.unit_id, b.planned_on FROM delivery_batches b JOIN delivery_batch_units u ON u.batch_id = b.id WHERE b.project_id = $1)sql";
  std::map<std::int64_t, std::string> out;
  for (const auto& r : tx.Execute(kPlanned, project_id)) out.emplace(r.Int(0), r.Text(1));
  return out;
}

std::vector<std::string> BatchService::OpenDayDates(db::Tx& tx, std::int64_t project_id) {
  static constexpr std::string_view kDays =
      "SELECT on_date FROM open_days WHERE project_id = $1 AND status = 'scheduled' ORDER BY on_date";
  std::vector<std::string> out;
  for (const auto& r : tx.Execute(kDays, project_id)) out.push_back(r.Text(0));
  return out;
}

std::vector<std::pair<std::string, Gate>> BatchService::GatesDue(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                                 std::int64_t first, std::int64_t last) {
  // Batches whose gates may fall due in the quarter: planned up to 90 days after its end.
  static const std::string kBatches = "SELECT " + kBatchColumns.List("b") + " FROM delivery_batches b" HEARTH_JOIN_ORG_UNIT("b") R"sql(
 WHERE b.tenant_id = $1 AND o.path LIKE $2 AND b.planned_on >= $3 AND b.planned_on <= $4 ORDER BY b.id)sql";
  std::vector<std::pair<std::string, Gate>> out;
  const auto today = ParseIsoDate(Today()).value_or(last);
  const std::int64_t until = std::min(last, today);
  auto rows = tx.Execute(kBatches, tenant_id, path_prefix, FormatIsoDate(first), FormatIsoDate(last + 90));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Batch b = kBatchColumns.Read(rows[i]);
    Complete(tx, b);
    for (const auto& g : b.gates) {
      if (g.key == "blocking_findings" || !g.due_on) continue;
      const auto due = ParseIsoDate(*g.due_on);
      if (!due || *due < first || *due > until) continue;
      out.emplace_back(b.name, g);
    }
  }
  return out;
}

std::optional<Batch> BatchService::BatchOfUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id) {
  auto rows = tx.Execute(kBatchOfUnit, unit_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kBatchColumns.Read(rows.front());
}

Result<Batch> BatchService::BatchFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto b = Find(tx, actor.tenant_id, id);
  if (!b || !inventory_.ProjectFor(tx, actor, b->project_id)) return NotFound("no such delivery batch");
  return *b;
}

std::vector<std::int64_t> BatchService::UnitIdsOf(db::Tx& tx, std::int64_t batch_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : tx.Execute(kBatchUnits, batch_id)) out.push_back(r.Int(0));
  return out;
}

void BatchService::Complete(db::Tx& tx, Batch& b) {
  const auto projects = inventory_.NamesOfProjects(tx, b.tenant_id);
  if (auto it = projects.find(b.project_id); it != projects.end()) b.project_name = it->second;
  if (b.released_by) {
    const auto names = platform::directory::NamesOf(tx, b.tenant_id, {*b.released_by});
    if (auto it = names.find(*b.released_by); it != names.end()) b.released_by_name = it->second.Shown();
  }
  b.unit_ids = UnitIdsOf(tx, b.id);
  b.unit_count = static_cast<std::int64_t>(b.unit_ids.size());
  GateFacts facts;
  facts.planned_on = b.planned_on;
  facts.today = Today();
  b.delivered_count = 0;
  for (const auto& u : inventory_.UnitsById(tx, b.tenant_id, b.unit_ids)) {
    (u.decoration == inventory::Decoration::kFinished ? facts.finished_units : facts.raw_units)++;
    if (u.status == inventory::UnitStatus::kDelivered) ++b.delivered_count;
  }
  b.open_findings = b.open_blocking = 0;
  for (const auto& r : tx.Execute(kOpenCounts, b.id)) {
    b.open_findings += r.Int(1);
    if (r.Text(0) == "blocking") b.open_blocking = r.Int(1);
  }
  facts.open_blocking = static_cast<int>(b.open_blocking);
  facts.open_other = static_cast<int>(b.open_findings - b.open_blocking);
  for (const auto& r : tx.Execute(kHeldKinds, b.id)) {
    if (auto kind = kInspectionKinds.Parse(r.Text(0))) facts.inspections_held.push_back(*kind);
  }
  for (const auto& r : tx.Execute(kHeldOpenDays, b.project_id, b.planned_on, facts.today)) {
    (r.Text(0) == "finished" ? facts.finished_open_days : facts.raw_open_days) = static_cast<int>(r.Int(1));
  }
  b.gates = GatesOf(facts);
}

Result<Batch> BatchService::Create(const RequestContext& ctx, const BatchInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations plan deliveries");
  if (!ParseIsoDate(in.planned_on)) return FailField("planned_on", "invalid_format");
  if (in.unit_ids.empty()) return FailField("unit_ids", "required");
  if (in.unit_ids.size() > kMaxUnits) return FailField("unit_ids", "too_many");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Batch> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    std::set<std::int64_t> ids(in.unit_ids.begin(), in.unit_ids.end());
    std::set<std::int64_t> of_project;
    for (const auto& u : inventory_.UnitsById(tx, actor.tenant_id, {ids.begin(), ids.end()})) {
      if (u.project_id == project->id) of_project.insert(u.id);
    }
    for (auto id : ids) {
      if (!of_project.contains(id)) return FailField("unit_ids", "not_in_project");
      if (auto other = BatchOfUnit(tx, actor.tenant_id, id)) {
        const auto codes = inventory_.CodesOf(tx, actor.tenant_id, {id});
        const std::string code = codes.contains(id) ? codes.at(id) : std::to_string(id);
        Error e{ErrorCode::kConflict, "unit_in_batch", fmt::format("unit {} is already in the batch {}", code, other->name),
                {{"unit_ids", "in_another_batch"}}, {}};
        e.extra.emplace_back("unit_id", std::to_string(id));
        e.extra.emplace_back("unit_code", boost::json::serialize(boost::json::value(code)));
        e.extra.emplace_back("batch_id", std::to_string(other->id));
        e.extra.emplace_back("batch_name", boost::json::serialize(boost::json::value(other->name)));
        return tl::unexpected(std::move(e));
      }
    }
    Batch b;
    b.id = tx.Execute(kInsertBatch, actor.tenant_id, project->id, project->org_unit_id, in.name, in.planned_on, now).front().Int(0);
    for (auto id : ids) tx.Execute(kInsertBatchUnit, b.id, id);
    b = *Find(tx, actor.tenant_id, b.id);
    Complete(tx, b);
    audit_.Record(tx, ctx, "delivery_batch.created", "delivery_batch", b.id, nullptr, ToJson(b, true));
    return b;
  });
}

Result<Batch> BatchService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Batch> {
    HEARTH_ASSIGN(Batch b, BatchFor(tx, actor, id));
    Complete(tx, b);
    return b;
  });
}

Result<platform::Listing<Batch>> BatchService::List(const RequestContext& ctx, const BatchFilter& f, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Batch>> {
    platform::Listing<Batch> out;
    const std::optional<std::string> status = f.status ? std::optional<std::string>(std::string(WordOf(*f.status))) : std::nullopt;
    const std::int64_t unit = f.unit_id.value_or(0);  // 0: any (an optional here trips GCC 12's maybe-uninitialized)
    auto rows = tx.Execute(kListBatches, actor.tenant_id, ScopeLike(actor), page.after_id, f.project_id, status, page.limit + 1, unit);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kBatchColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Batch& b) { return b.id; });
    for (auto& b : out.items) Complete(tx, b);
    return out;
  });
}

Result<Batch> BatchService::Release(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& override_reason,
                                    std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations release a delivery batch");
  const bool overriding = override_reason && override_reason->find_first_not_of(" \t\r\n") != std::string::npos;
  if (overriding && !ManagesDelivery(actor)) return Forbidden("only a manager releases a batch over its open risks");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Batch> {
    HEARTH_ASSIGN(Batch b, BatchFor(tx, actor, id));
    if (b.status != BatchStatus::kPlanned) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the batch is released already");
    }
    Complete(tx, b);
    const bool clear = Releasable(b.gates);
    if (!clear && !overriding) {
      std::vector<Finding> blocking;
      for (const auto& r : tx.Execute(kOpenBlocking, b.id)) blocking.push_back(kFindingColumns.Read(r));
      Name(tx, actor.tenant_id, blocking);
      boost::json::array open;
      for (const auto& f : blocking) {
        open.push_back(boost::json::object{{"id", f.id}, {"unit_id", f.unit_id}, {"unit_code", f.unit_code},
                                           {"location", f.location}, {"description", f.description}});
      }
      Error e{ErrorCode::kConflict, "open_risks",
              fmt::format("{} blocking findings are open: close them, or a manager releases the batch with a reason",
                          b.open_blocking),
              {}, {}};
      e.extra.emplace_back("findings", boost::json::serialize(open));
      return tl::unexpected(std::move(e));
    }
    const std::optional<std::string> reason = !clear ? override_reason : std::nullopt;
    if (tx.Execute(kRelease, b.id, actor.tenant_id, now, actor.user_id, reason, expected_version).affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the batch was changed by someone else; reload it");
    }
    const Batch before = b;
    b = *Find(tx, actor.tenant_id, b.id);
    Complete(tx, b);
    boost::json::object after{{"status", "released"}, {"open_blocking", before.open_blocking}};
    if (reason) after["override_reason"] = *reason;
    audit_.Record(tx, ctx, reason ? "delivery_batch.released_over_risks" : "delivery_batch.released", "delivery_batch", b.id,
                  boost::json::object{{"status", "planned"}}, after);
    for (auto unit : b.unit_ids) {
      inventory_.NoteUnitEvent(tx, actor.tenant_id, unit, "delivery",
                               reason ? "交付批次「" + b.name + "」带风险放行：" + *reason : "交付批次「" + b.name + "」放行",
                               actor.user_id, now);
    }
    return b;
  });
}

Result<std::pair<Inspection, Batch>> BatchService::InspectionFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto rows = tx.Execute(kFindInspection, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such inspection");
  Inspection i = kInspectionColumns.Read(rows.front());
  auto b = BatchFor(tx, actor, i.batch_id);
  if (!b) return NotFound("no such inspection");
  return std::make_pair(std::move(i), std::move(*b));
}

Result<Inspection> BatchService::AddInspection(const RequestContext& ctx, std::int64_t batch_id, const InspectionInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations inspect a delivery");
  if (!ParseIsoDate(in.on)) return FailField("on", "invalid_format");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Inspection> {
    HEARTH_ASSIGN(Batch b, BatchFor(tx, actor, batch_id));
    const auto id = tx.Execute(kInsertInspection, actor.tenant_id, b.id, in.kind, in.on, in.note, actor.user_id, now).front().Int(0);
    Inspection i = kInspectionColumns.Read(tx.Execute(kFindInspection, id, actor.tenant_id).front());
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, {actor.user_id});
    if (auto it = names.find(actor.user_id); it != names.end()) i.created_by_name = it->second.Shown();
    audit_.Record(tx, ctx, "delivery_inspection.created", "delivery_batch", b.id, nullptr, ToJson(i));
    return i;
  });
}

Result<Inspection> BatchService::GetInspection(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Inspection> {
    HEARTH_ASSIGN(auto found, InspectionFor(tx, actor, id));
    Inspection i = std::move(found.first);
    for (const auto& r : tx.Execute(kInspectionCounts, i.batch_id)) {
      if (r.Int(0) == i.id) {
        i.finding_count = r.Int(1);
        i.open_count = r.Int(2);
      }
    }
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, {i.created_by});
    if (auto it = names.find(i.created_by); it != names.end()) i.created_by_name = it->second.Shown();
    return i;
  });
}

Result<std::vector<Inspection>> BatchService::Inspections(const RequestContext& ctx, std::int64_t batch_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Inspection>> {
    HEARTH_ASSIGN(Batch b, BatchFor(tx, actor, batch_id));
    std::vector<Inspection> out;
    for (const auto& r : tx.Execute(kInspectionsOf, b.id)) out.push_back(kInspectionColumns.Read(r));
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> counts;
    for (const auto& r : tx.Execute(kInspectionCounts, b.id)) counts[r.Int(0)] = {r.Int(1), r.Int(2)};
    std::vector<std::int64_t> users;
    for (const auto& i : out) users.push_back(i.created_by);
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& i : out) {
      if (auto it = counts.find(i.id); it != counts.end()) std::tie(i.finding_count, i.open_count) = it->second;
      if (auto it = names.find(i.created_by); it != names.end()) i.created_by_name = it->second.Shown();
    }
    return out;
  });
}

void BatchService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Finding>& findings) {
  if (findings.empty()) return;
  std::vector<std::int64_t> units, users, inspections;
  for (const auto& f : findings) {
    units.push_back(f.unit_id);
    users.push_back(f.created_by);
    if (f.closed_by) users.push_back(*f.closed_by);
  }
  const auto codes = inventory_.CodesOf(tx, tenant_id, units);
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  std::map<std::int64_t, InspectionKind> kinds;
  for (const auto& f : findings) inspections.push_back(f.inspection_id);
  std::sort(inspections.begin(), inspections.end());
  inspections.erase(std::unique(inspections.begin(), inspections.end()), inspections.end());
  db::SelectIn(tx, "SELECT id, kind FROM delivery_inspections WHERE id IN ({}) AND tenant_id + 0 = $1", {tenant_id}, inspections,
               [&](const db::Row& r) {
                 if (auto kind = kInspectionKinds.Parse(r.Text(1))) kinds[r.Int(0)] = *kind;
               });
  // The photos' count, so that a list shows which findings have pictures without asking for each.
  std::vector<std::int64_t> ids;
  for (const auto& f : findings) ids.push_back(f.id);
  const auto photos = photos_.CountsOf(tx, tenant_id, "delivery_finding", ids);
  for (auto& f : findings) {
    if (auto it = photos.find(f.id); it != photos.end()) f.photo_count = it->second;
    if (auto it = codes.find(f.unit_id); it != codes.end()) f.unit_code = it->second;
    if (auto it = names.find(f.created_by); it != names.end()) f.created_by_name = it->second.Shown();
    if (f.closed_by) {
      if (auto it = names.find(*f.closed_by); it != names.end()) f.closed_by_name = it->second.Shown();
    }
    if (auto it = kinds.find(f.inspection_id); it != kinds.end()) f.inspection_kind = it->second;
  }
}

Result<Finding> BatchService::FindingFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto rows = tx.Execute(kFindFinding, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such finding");
  Finding f = kFindingColumns.Read(rows.front());
  if (!BatchFor(tx, actor, f.batch_id)) return NotFound("no such finding");
  std::vector<Finding> one{std::move(f)};
  Name(tx, actor.tenant_id, one);
  return std::move(one.front());
}

Result<Finding> BatchService::AddFinding(const RequestContext& ctx, std::int64_t inspection_id, const FindingInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations record findings");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Finding> {
    HEARTH_ASSIGN(auto found, InspectionFor(tx, actor, inspection_id));
    const Batch& b = found.second;
    if (tx.Execute(kInBatch, b.id, in.unit_id).empty()) return FailField("unit_id", "not_in_batch");
    std::optional<std::int64_t> category_id = in.category_id;
    std::string category;
    if (in.category || in.category_id) {
      const auto config = config_.Load(tx, actor.tenant_id);
      if (in.category) {
        HEARTH_ASSIGN(const auto named, service::FindCategory(config->categories, *in.category));
        if (category_id && *category_id != named) return FailField("category", "does_not_match_category_id");
        category_id = named;
      }
      const bool known = std::any_of(config->categories.begin(), config->categories.end(),
                                     [&](const service::Category& c) { return c.id == *category_id && c.active; });
      if (!known) return FailField("category_id", "not_found");
      category = CategoryPath(config->categories, *category_id);
    }
    const auto id = tx.Execute(kInsertFinding, actor.tenant_id, found.first.id, b.id, in.unit_id, in.location, category_id, category,
                               in.severity, in.description, actor.user_id, now)
                        .front()
                        .Int(0);
    HEARTH_ASSIGN(Finding f, FindingFor(tx, actor, id));
    inventory_.NoteUnitEvent(tx, actor.tenant_id, f.unit_id, "delivery",
                             fmt::format("{}发现问题（{}）：{} {}", kInspectionLabels.Name(found.first.kind),
                                         kSeverityLabels.Name(f.severity), f.location, f.description),
                             actor.user_id, now);
    audit_.Record(tx, ctx, "delivery_finding.created", "delivery_batch", b.id, nullptr, ToJson(f));
    return f;
  });
}

Result<Finding> BatchService::GetFinding(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Finding> { return FindingFor(tx, actor, id); });
}

Result<platform::Listing<Finding>> BatchService::Findings(const RequestContext& ctx, const FindingFilter& f, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Finding>> {
    platform::Listing<Finding> out;
    const std::optional<std::string> status = f.status ? std::optional<std::string>(std::string(WordOf(*f.status))) : std::nullopt;
    const std::optional<std::string> severity =
        f.severity ? std::optional<std::string>(std::string(WordOf(*f.severity))) : std::nullopt;
    auto rows = tx.Execute(kListFindings, actor.tenant_id, ScopeLike(actor), page.after_id, f.batch_id, f.inspection_id, f.unit_id,
                           status, severity, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kFindingColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Finding& x) { return x.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<Finding> BatchService::CloseFinding(const RequestContext& ctx, std::int64_t id, const std::string& note,
                                           std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations close findings");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Finding> {
    HEARTH_ASSIGN(Finding before, FindingFor(tx, actor, id));
    if (before.status == FindingStatus::kClosed) return Fail(ErrorCode::kConflict, "invalid_transition", "the finding is closed already");
    if (tx.Execute(kCloseFinding, id, actor.tenant_id, now, actor.user_id, note, expected_version).affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the finding was changed by someone else; reload it");
    }
    HEARTH_ASSIGN(Finding f, FindingFor(tx, actor, id));
    inventory_.NoteUnitEvent(tx, actor.tenant_id, f.unit_id, "delivery",
                             fmt::format("问题已整改关闭：{} {}{}", f.location, f.description, note.empty() ? "" : "（" + note + "）"),
                             actor.user_id, now);
    audit_.Record(tx, ctx, "delivery_finding.closed", "delivery_batch", f.batch_id, boost::json::object{{"status", "open"}},
                  boost::json::object{{"status", "closed"}, {"finding_id", f.id}, {"note", note}});
    return f;
  });
}

Result<platform::Attachment> BatchService::AddPhoto(const RequestContext& ctx, std::int64_t finding_id, std::string_view file_name,
                                                   std::string_view bytes) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations add photos to findings");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<platform::Attachment> {
    HEARTH_ASSIGN(Finding f, FindingFor(tx, actor, finding_id));
    HEARTH_ASSIGN(auto added, photos_.Add(tx, actor.tenant_id, "delivery_finding", f.id, file_name, bytes, actor.user_id, now));
    audit_.Record(tx, ctx, "delivery_finding.photo_added", "delivery_batch", f.batch_id, nullptr,
                  boost::json::object{{"finding_id", f.id}, {"file", platform::ToJson(added)}});
    return added;
  });
}

Result<void> BatchService::RemovePhoto(const RequestContext& ctx, std::int64_t finding_id, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations remove photos of findings");
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    HEARTH_ASSIGN(Finding f, FindingFor(tx, actor, finding_id));
    // A closed finding's photos are the evidence of its inspection and its repair: they stay.
    if (f.status == FindingStatus::kClosed) return Fail(ErrorCode::kConflict, "invalid_transition", "the finding is closed: its photos stay");
    auto found = photos_.Find(tx, actor.tenant_id, "delivery_finding", f.id, id);
    if (!found || !photos_.Remove(tx, actor.tenant_id, "delivery_finding", f.id, id)) return NotFound("no such photo");
    audit_.Record(tx, ctx, "delivery_finding.photo_removed", "delivery_batch", f.batch_id,
                  boost::json::object{{"finding_id", f.id}, {"file", platform::ToJson(*found)}}, nullptr);
    return {};
  });
}

Result<std::vector<platform::Attachment>> BatchService::Photos(const RequestContext& ctx, std::int64_t finding_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<platform::Attachment>> {
    HEARTH_ASSIGN(Finding f, FindingFor(tx, actor, finding_id));
    return photos_.List(tx, actor.tenant_id, "delivery_finding", f.id);
  });
}

Result<std::pair<platform::Attachment, std::string>> BatchService::Photo(const RequestContext& ctx, std::int64_t finding_id,
                                                                         std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::pair<platform::Attachment, std::string>> {
    HEARTH_ASSIGN(Finding f, FindingFor(tx, actor, finding_id));
    auto found = photos_.Find(tx, actor.tenant_id, "delivery_finding", f.id, id);
    if (!found) return NotFound("no such photo");
    return std::make_pair(*found, photos_.Content(tx, found->id));
  });
}

std::vector<OpenDay> BatchService::TakePrepReminders(db::Tx& tx, std::int64_t tenant_id) {
  // Due kOpenDayPrepDays before the day; reminded from a fortnight before that.
  const std::int64_t today = ParseIsoDate(ChinaToday(clock_)).value_or(0);
  std::vector<OpenDay> days;
  for (const auto& r : tx.Execute(kPrepToRemind, tenant_id, FormatIsoDate(today), FormatIsoDate(today + kOpenDayPrepDays + 14))) {
    days.push_back(kOpenDayColumns.Read(r));
  }
  for (const auto& d : days) tx.Execute(kPrepReminded, d.id, clock_.Now());
  Name(tx, tenant_id, days);
  return days;
}

void BatchService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<OpenDay>& days) {
  if (days.empty()) return;
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  std::vector<std::int64_t> users;
  for (const auto& d : days) {
    if (d.vetoed_by) users.push_back(*d.vetoed_by);
  }
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  for (auto& d : days) {
    if (auto it = projects.find(d.project_id); it != projects.end()) d.project_name = it->second;
    if (d.vetoed_by) {
      if (auto it = names.find(*d.vetoed_by); it != names.end()) d.vetoed_by_name = it->second.Shown();
    }
  }
}

Result<OpenDay> BatchService::CreateOpenDay(const RequestContext& ctx, std::int64_t project_id, const std::string& on,
                                            const std::string& decoration, const std::string& note,
                                            std::optional<std::int64_t> capacity) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations plan open days");
  if (!ParseIsoDate(on)) return FailField("on", "invalid_format");
  if (capacity && (*capacity < 1 || *capacity > 100000)) return FailField("capacity", "out_of_range");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<OpenDay> {
    auto project = inventory_.ProjectFor(tx, actor, project_id);
    if (!project) return FailField("project_id", "not_found");
    const auto id = tx.Execute(kInsertOpenDay, actor.tenant_id, project->id, project->org_unit_id, on, decoration, note, actor.user_id, now,
                               capacity)
                        .front()
                        .Int(0);
    std::vector<OpenDay> one{kOpenDayColumns.Read(tx.Execute(kFindOpenDay, id, actor.tenant_id).front())};
    Name(tx, actor.tenant_id, one);
    audit_.Record(tx, ctx, "open_day.created", "project", project->id, nullptr, ToJson(one[0], Today()));
    return one[0];
  });
}

Result<platform::Listing<OpenDay>> BatchService::OpenDays(const RequestContext& ctx, std::optional<std::int64_t> project_id,
                                                          const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<OpenDay>> {
    platform::Listing<OpenDay> out;
    auto rows = tx.Execute(kListOpenDays, actor.tenant_id, ScopeLike(actor), page.after_id, project_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kOpenDayColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const OpenDay& d) { return d.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<OpenDay> BatchService::VetoOpenDay(const RequestContext& ctx, std::int64_t id, const std::string& reason) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork) || !ManagesDelivery(actor)) return Forbidden("only a customer-relations manager vetoes an open day");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) return FailField("reason", "required");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<OpenDay> {
    auto rows = tx.Execute(kFindOpenDay, id, actor.tenant_id);
    if (rows.empty()) return NotFound("no such open day");
    OpenDay d = kOpenDayColumns.Read(rows.front());
    if (!inventory_.ProjectFor(tx, actor, d.project_id)) return NotFound("no such open day");
    if (tx.Execute(kVeto, id, actor.tenant_id, reason, actor.user_id, now).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the open day is vetoed already");
    }
    std::vector<OpenDay> one{kOpenDayColumns.Read(tx.Execute(kFindOpenDay, id, actor.tenant_id).front())};
    Name(tx, actor.tenant_id, one);
    // 总部问责项目部: the veto is the project team's accountability record, in the audit log.
    audit_.Record(tx, ctx, "open_day.vetoed", "project", d.project_id, boost::json::object{{"status", "scheduled"}},
                  boost::json::object{{"status", "vetoed"}, {"open_day_id", d.id}, {"on", d.on}, {"accountability", reason}});
    return one[0];
  });
}

Result<OpenDay> BatchService::OpenDayFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto rows = tx.Execute(kFindOpenDay, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such open day");
  std::vector<OpenDay> one{kOpenDayColumns.Read(rows.front())};
  auto project = inventory_.ProjectFor(tx, actor, one[0].project_id);
  if (!project) return NotFound("no such open day");
  Name(tx, actor.tenant_id, one);
  return one[0];
}

Result<OpenDay> BatchService::GetOpenDay(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<OpenDay> { return OpenDayFor(tx, actor, id); });
}

Result<OpenDay> BatchService::RecordPrep(const RequestContext& ctx, std::int64_t id, const std::string& held_on, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations record the preparation meeting");
  const auto held = ParseIsoDate(held_on);
  if (!held) return FailField("held_on", "invalid_format");
  const std::string today = Today();
  if (held_on > today) return FailField("held_on", "in_the_future");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<OpenDay> {
    HEARTH_ASSIGN(OpenDay before, OpenDayFor(tx, actor, id));
    if (before.status == "vetoed") return Fail(ErrorCode::kConflict, "invalid_transition", "the open day was vetoed");
    if (held_on > before.on) return FailField("held_on", "after_the_open_day");
    tx.Execute(kRecordPrep, id, actor.tenant_id, held_on, note, now);
    HEARTH_ASSIGN(OpenDay after, OpenDayFor(tx, actor, id));
    audit_.Record(tx, ctx, "open_day.prepared", "project", before.project_id, nullptr,
                  boost::json::object{{"open_day_id", id}, {"on", before.on}, {"held_on", held_on}, {"note", note}});
    return after;
  });
}

}  // namespace hearth::delivery
