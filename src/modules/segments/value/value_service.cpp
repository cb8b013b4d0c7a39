#include "modules/segments/value/value_service.hpp"

#include <boost/json.hpp>

#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::segments {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kChinaMs = 8 * 3'600'000;
/// The segments' computation job (SegmentService::kNightlyJob) with every model at once.
constexpr const char* kRecomputeJob = "segments.recompute";

/// The unit ids of a materialised path, the unit itself first: "/1/4/9/" → 9, 4, 1.
std::vector<std::int64_t> UnitsUp(const std::string& path) {
  std::vector<std::int64_t> out;
  std::size_t start = 0;
  while (start < path.size()) {
    const std::size_t end = path.find('/', start);
    const std::string part = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!part.empty()) out.insert(out.begin(), std::stoll(part));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::optional<std::string> PathOf(db::Tx& tx, std::int64_t org_unit_id) {
  return tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), org_unit_id).front().OptText(0);
}

}  // namespace

AssumptionsIndex AssumptionsIndex::Load(db::Tx& tx, std::int64_t tenant_id) {
  AssumptionsIndex index;
  const auto rows = tx.Execute("SELECT org_unit_id, version, assumptions FROM value_assumptions WHERE tenant_id = $1", tenant_id);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto json = boost::json::parse(rows[i].Text(2));
    // Kept rows were checked when set; a key that no longer exists is left out, not fatal.
    ValueAssumptions a;
    if (json.is_object()) {
      for (const auto& [key, value] : json.as_object()) {
        boost::json::object one{{key, value}};
        if (auto read = ValueAssumptions::FromJson(one, a)) a = *read;
      }
    }
    index.rows_[rows[i].Int(0)] = {static_cast<int>(rows[i].Int(1)), std::move(a)};
  }
  return index;
}

std::pair<std::optional<std::int64_t>, const ValueAssumptions*> AssumptionsIndex::For(const std::string& org_path) const {
  for (const std::int64_t unit : UnitsUp(org_path)) {
    if (auto it = rows_.find(unit); it != rows_.end()) return {unit, &it->second.second};
  }
  return {std::nullopt, &defaults_};
}

const std::pair<int, ValueAssumptions>* AssumptionsIndex::Own(std::int64_t org_unit_id) const {
  auto it = rows_.find(org_unit_id);
  return it == rows_.end() ? nullptr : &it->second;
}

ValueService::ValueService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                           customers::CustomerService& customers, FactReader& facts)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), customers_(customers), facts_(facts) {}

std::string ValueService::Today() const { return FormatIsoDate((clock_.Now().ms + kChinaMs) / kDayMs); }

Result<AssumptionsView> ValueService::ViewOf(db::Tx& tx, const Actor& actor, std::int64_t org_unit_id) {
  const auto path = PathOf(tx, org_unit_id);
  if (!path || platform::directory::GroupOf(tx, org_unit_id) != actor.tenant_id) return NotFound("no such org unit");
  // A unit of the caller's, one above (whose assumptions hold for them) or one below.
  if (!actor.InScope(*path) && !actor.org_path.starts_with(*path)) return NotFound("no such org unit");
  return Describe(tx, actor, AssumptionsIndex::Load(tx, actor.tenant_id), org_unit_id, *path);
}

AssumptionsView ValueService::Describe(db::Tx& tx, const Actor& actor, const AssumptionsIndex& index, std::int64_t org_unit_id,
                                       const std::string& path) {
  AssumptionsView v;
  v.org_unit_id = org_unit_id;
  const auto [source, assumptions] = index.For(path);
  v.source_unit_id = source;
  v.assumptions = *assumptions;
  if (const auto* own = index.Own(org_unit_id)) v.version = own->first;
  v.editable = actor.IsManager() && actor.InScope(path);
  std::vector<std::int64_t> units{org_unit_id};
  if (source) units.push_back(*source);
  const auto names = platform::directory::UnitNamesOf(tx, actor.tenant_id, units);
  if (auto it = names.find(org_unit_id); it != names.end()) v.org_unit_name = it->second;
  if (source) {
    if (auto it = names.find(*source); it != names.end()) v.source_unit_name = it->second;
  }
  return v;
}

Result<AssumptionsView> ValueService::Assumptions(const RequestContext& ctx, std::optional<std::int64_t> org_unit_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return ViewOf(tx, actor, org_unit_id.value_or(actor.org_unit_id)); });
}

Result<AssumptionsView> ValueService::SetAssumptions(const RequestContext& ctx, std::int64_t org_unit_id, const boost::json::object& body,
                                                     std::optional<std::int64_t> if_match) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<AssumptionsView> {
    HEARTH_ASSIGN(AssumptionsView before, ViewOf(tx, actor, org_unit_id));
    if (!before.editable) return Forbidden("only managers of the unit set its value assumptions");
    if (if_match && *if_match != before.version) return Fail(ErrorCode::kConflict, "version_conflict", "the assumptions were changed meanwhile");
    HEARTH_ASSIGN(ValueAssumptions after, ValueAssumptions::FromJson(body, before.assumptions));
    const std::string json = boost::json::serialize(after.ToJson());
    if (before.version == 0) {
      tx.Execute(R"sql(INSERT INTO value_assumptions (tenant_id, org_unit_id, assumptions, version, updated_by, updated_at)
VALUES ($1, $2, $3, 1, $4, $5))sql", actor.tenant_id, org_unit_id, json, actor.user_id, now.ms);
    } else {
      tx.Execute(R"sql(UPDATE value_assumptions SET assumptions = $3, version = version + 1, updated_by = $4, updated_at = $5
 WHERE tenant_id = $1 AND org_unit_id = $2)sql", actor.tenant_id, org_unit_id, json, actor.user_id, now.ms);
    }
    audit_.Record(tx, ctx, "value_assumptions.changed", "org_unit", org_unit_id, before.assumptions.ToJson(), after.ToJson());
    // The segments' values are summed with the assumptions: every model computed again.
    jobs_.Enqueue(tx, actor.tenant_id, kRecomputeJob, boost::json::object{{"all", true}}, now);
    return ViewOf(tx, actor, org_unit_id);
  });
}

Result<AssumptionsView> ValueService::ClearAssumptions(const RequestContext& ctx, std::int64_t org_unit_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<AssumptionsView> {
    HEARTH_ASSIGN(AssumptionsView before, ViewOf(tx, actor, org_unit_id));
    if (!before.editable) return Forbidden("only managers of the unit set its value assumptions");
    if (before.version == 0) return before;  // nothing of its own: already inherits
    tx.Execute("DELETE FROM value_assumptions WHERE tenant_id = $1 AND org_unit_id = $2", actor.tenant_id, org_unit_id);
    audit_.Record(tx, ctx, "value_assumptions.cleared", "org_unit", org_unit_id, before.assumptions.ToJson(), nullptr);
    jobs_.Enqueue(tx, actor.tenant_id, kRecomputeJob, boost::json::object{{"all", true}}, now);
    return ViewOf(tx, actor, org_unit_id);
  });
}

Result<CustomerValue> ValueService::OfCustomer(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<CustomerValue> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    const auto page = customers_.PageAfter(tx, actor.tenant_id, "/", customer_id - 1, 1);
    if (page.empty() || page.front().id != customer_id) return NotFound("no such customer");
    const std::string today = Today();
    const auto facts = facts_.OfPage(tx, actor.tenant_id, page, today);
    const auto path = PathOf(tx, page.front().org_unit_id).value_or("");
    const auto index = AssumptionsIndex::Load(tx, actor.tenant_id);
    CustomerValue out;
    out.customer_id = customer_id;
    out.assumptions = Describe(tx, actor, index, page.front().org_unit_id, path);
    out.value = ValueOf(facts.front().facts, facts.front().homes, out.assumptions.assumptions, today);
    return out;
  });
}

}  // namespace hearth::segments
