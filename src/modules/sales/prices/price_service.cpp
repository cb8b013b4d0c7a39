#include "modules/sales/prices/price_service.hpp"

#include <map>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/sales/sales_common.hpp"
#include "platform/directory.hpp"

namespace hearth::sales {

namespace {

constexpr std::size_t kMaxBatch = 20000;  // units in one adjustment

const db::Columns<Adjustment> kAdjustmentColumns{
    {"id", &Adjustment::id},
    {"tenant_id", &Adjustment::tenant_id},
    {"project_id", &Adjustment::project_id},
    {"org_unit_id", &Adjustment::org_unit_id},
    {"name", &Adjustment::name},
    {"reason", &Adjustment::reason},
    {"method", &Adjustment::method, kAdjustMethods},
    {"value", &Adjustment::value},
    {"building", &Adjustment::building},
    {"unit_count", &Adjustment::units},
    {"before_cents", &Adjustment::before_cents},
    {"after_cents", &Adjustment::after_cents},
    {"status", &Adjustment::status, kAdjustmentStatuses},
    {"created_by", &Adjustment::created_by},
    {"decided_by", &Adjustment::decided_by},
    {"decided_at", &Adjustment::decided_at},
    {"version", &Adjustment::version},
    {"created_at", &Adjustment::created_at},
    {"updated_at", &Adjustment::updated_at},
};
const std::string kFindAdjustment =
    "SELECT " + kAdjustmentColumns.List() + " FROM price_adjustments WHERE id = $1 AND tenant_id = $2";
const std::string kAdjustmentsOf = "SELECT " + kAdjustmentColumns.List() + R"sql( FROM price_adjustments
 WHERE project_id = $1 AND tenant_id = $2 AND (CAST($3 AS BIGINT) IS NULL OR id < $3) ORDER BY id DESC LIMIT $4)sql";
constexpr std::string_view kInsertAdjustment = R"sql(
INSERT INTO price_adjustments (tenant_id, project_id, org_unit_id, name, reason, method, value, building, unit_count,
                               before_cents, after_cents, status, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $13, $13) RETURNING id)sql";
constexpr std::string_view kInsertLine = R"sql(
INSERT INTO price_adjustment_lines (tenant_id, adjustment_id, unit_id, before_cents, after_cents, created_at)
VALUES ($1, $2, $3, $4, $5, $6))sql";
constexpr std::string_view kLines = R"sql(
SELECT unit_id, before_cents, after_cents FROM price_adjustment_lines WHERE adjustment_id = $1 ORDER BY id)sql";
constexpr std::string_view kDecide = R"sql(
UPDATE price_adjustments SET status = $3, decided_by = $4, decided_at = $5, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND status = 'draft')sql";
constexpr std::string_view kHistory = R"sql(
SELECT a.id, a.name, l.before_cents, l.after_cents, a.decided_at, a.decided_by FROM price_adjustment_lines l
  JOIN price_adjustments a ON a.id = l.adjustment_id
 WHERE l.unit_id = $1 AND a.status = 'applied' ORDER BY a.decided_at DESC, a.id DESC LIMIT 200)sql";

const db::Columns<DiscountScheme> kSchemeColumns{
    {"id", &DiscountScheme::id},
    {"tenant_id", &DiscountScheme::tenant_id},
    {"project_id", &DiscountScheme::project_id},
    {"org_unit_id", &DiscountScheme::org_unit_id},
    {"name", &DiscountScheme::name},
    {"percent_off_bp", &DiscountScheme::percent_off_bp},
    {"amount_off_cents", &DiscountScheme::amount_off_cents},
    {"valid_from", &DiscountScheme::valid_from},
    {"valid_to", &DiscountScheme::valid_to},
    {"max_uses", &DiscountScheme::max_uses},
    {"uses", &DiscountScheme::uses},
    {"stackable", &DiscountScheme::stackable},
    {"active", &DiscountScheme::active},
    {"version", &DiscountScheme::version},
    {"created_at", &DiscountScheme::created_at},
    {"updated_at", &DiscountScheme::updated_at},
};
const std::string kFindScheme = "SELECT " + kSchemeColumns.List() + " FROM discount_schemes WHERE id = $1 AND tenant_id = $2";
const std::string kSchemesOf =
    "SELECT " + kSchemeColumns.List() + " FROM discount_schemes WHERE project_id = $1 AND tenant_id = $2 ORDER BY id LIMIT 500";
constexpr std::string_view kInsertScheme = R"sql(
INSERT INTO discount_schemes (tenant_id, project_id, org_unit_id, name, percent_off_bp, amount_off_cents, valid_from,
                              valid_to, max_uses, stackable, active, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id)sql";
constexpr std::string_view kSaveScheme = R"sql(
UPDATE discount_schemes SET name = $3, active = $4, stackable = $5, valid_to = $6, max_uses = $7,
       version = version + 1, updated_at = $8
 WHERE id = $1 AND version = $2)sql";
// A use taken only while some are left (compare-and-set: concurrent subscriptions never overrun it).
constexpr std::string_view kTakeUse = R"sql(
UPDATE discount_schemes SET uses = uses + 1 WHERE id = $1 AND (max_uses IS NULL OR uses < max_uses))sql";
constexpr std::string_view kInsertDiscount = R"sql(
INSERT INTO subscription_discounts (tenant_id, subscription_id, scheme_id, off_cents, created_at) VALUES ($1, $2, $3, $4, $5))sql";
constexpr std::string_view kDiscounts = R"sql(
SELECT d.scheme_id, s.name, d.off_cents FROM subscription_discounts d JOIN discount_schemes s ON s.id = d.scheme_id
 WHERE d.subscription_id = $1 ORDER BY d.id)sql";
constexpr std::string_view kReleaseUses = R"sql(
UPDATE discount_schemes SET uses = uses - 1
 WHERE uses > 0 AND id IN (SELECT scheme_id FROM subscription_discounts WHERE subscription_id = $1))sql";

Error PricesChanged(const std::vector<std::string>& codes) {
  std::string list;
  boost::json::array units;
  for (const auto& c : codes) {
    if (units.size() < 20) list += (list.empty() ? "" : "、") + c;
    units.push_back(boost::json::value(c));
  }
  Error e{ErrorCode::kConflict, "prices_changed",
          fmt::format("{} 个房源的价格或状态在草拟后变了（{}{}）：请重新草拟", codes.size(), list, codes.size() > 20 ? "…" : ""),
          {}, {}};
  e.extra.emplace_back("units", boost::json::serialize(units));
  return e;
}

}  // namespace

PriceService::PriceService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                           inventory::InventoryService& inventory, LeadService& leads)
    : db_(db), clock_(clock), audit_(audit), inventory_(inventory), leads_(leads) {}

std::optional<Adjustment> PriceService::FindAdjustment(db::Tx& tx, std::int64_t tenant_id, std::int64_t id,
                                                       bool with_lines) {
  auto rows = tx.Execute(kFindAdjustment, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  Adjustment a = kAdjustmentColumns.Read(rows.front());
  std::vector<std::int64_t> users{a.created_by};
  if (a.decided_by) users.push_back(*a.decided_by);
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  if (auto it = names.find(a.created_by); it != names.end()) a.created_by_name = it->second.Shown();
  if (a.decided_by) {
    if (auto it = names.find(*a.decided_by); it != names.end()) a.decided_by_name = it->second.Shown();
  }
  if (!with_lines) return a;
  auto lines = tx.Execute(kLines, a.id);
  for (std::size_t i = 0; i < lines.size(); ++i) a.lines.push_back({lines[i].Int(0), "", 0, lines[i].Int(1), lines[i].Int(2)});
  // The project's units (a few thousand at most) name each line and give its area.
  std::map<std::int64_t, const inventory::Unit*> units;
  const auto of_project = inventory_.UnitsOfProject(tx, tenant_id, a.project_id);
  for (const auto& u : of_project) units.emplace(u.id, &u);
  for (auto& l : a.lines) {
    if (auto it = units.find(l.unit_id); it != units.end()) {
      l.unit_code = it->second->code;
      l.area_m2 = it->second->area_m2;
    }
  }
  return a;
}

Result<Adjustment> PriceService::AdjustmentFor(db::Tx& tx, const Actor& actor, std::int64_t id, bool with_lines) {
  auto a = FindAdjustment(tx, actor.tenant_id, id, with_lines);
  if (!a || !inventory_.ProjectFor(tx, actor, a->project_id)) return NotFound("no such price adjustment");
  return *a;
}

Result<Adjustment> PriceService::Draft(const RequestContext& ctx, const AdjustmentInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not draft price adjustments");
  HEARTH_TRY(CheckAdjustment(in.method, in.value));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Adjustment> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    std::vector<AdjustmentLine> lines;
    for (const auto& u : inventory_.UnitsOfProject(tx, actor.tenant_id, in.project_id)) {
      if (u.status != inventory::UnitStatus::kAvailable && u.status != inventory::UnitStatus::kPledged) continue;
      if (in.building && u.building != *in.building) continue;
      auto after = Adjusted(u.list_price_cents, u.area_m2, in.method, in.value);
      if (!after) return FailField("value", "price_below_zero");
      lines.push_back({u.id, u.code, u.area_m2, u.list_price_cents, *after});
    }
    if (lines.empty()) return FailField(in.building ? "building" : "project_id", "no_unsold_units");
    if (lines.size() > kMaxBatch) return FailField("building", "too_many_units");
    std::int64_t before = 0, after = 0;
    for (const auto& l : lines) {
      before += l.before_cents;
      after += l.after_cents;
    }
    const std::int64_t id = tx.Execute(kInsertAdjustment, actor.tenant_id, in.project_id, project->org_unit_id, in.name,
                                       in.reason, in.method, in.value, in.building,
                                       static_cast<std::int64_t>(lines.size()), before, after, actor.user_id, now)
                                .front()
                                .Int(0);
    for (const auto& l : lines) tx.Execute(kInsertLine, actor.tenant_id, id, l.unit_id, l.before_cents, l.after_cents, now);
    Adjustment a = *FindAdjustment(tx, actor.tenant_id, id, true);
    audit_.Record(tx, ctx, "price_adjustment.drafted", "price_adjustment", id, nullptr, ToJson(a, false));
    return a;
  });
}

Result<Adjustment> PriceService::GetAdjustment(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return AdjustmentFor(tx, actor, id, true); });
}

Result<platform::Listing<Adjustment>> PriceService::ListAdjustments(const RequestContext& ctx, std::int64_t project_id,
                                                                    const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Adjustment>> {
    if (!inventory_.ProjectFor(tx, actor, project_id)) return FailField("project_id", "not_found");
    platform::Listing<Adjustment> out;
    auto rows = tx.Execute(kAdjustmentsOf, project_id, actor.tenant_id, page.after_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(*FindAdjustment(tx, actor.tenant_id, rows[i].Int(0), false));
    out.next_cursor = TrimToPage(out.items, page, [](const Adjustment& a) { return a.id; });
    return out;
  });
}

Result<Adjustment> PriceService::Apply(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager applies price adjustments");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Adjustment> {
    HEARTH_ASSIGN(const Adjustment a, AdjustmentFor(tx, actor, id, true));
    if (a.status != AdjustmentStatus::kDraft) {
      return Fail(ErrorCode::kConflict, "invalid_transition", fmt::format("the adjustment is {}", WordOf(a.status)));
    }
    const std::string why = a.name + (a.reason.empty() ? "" : "（" + a.reason + "）");
    std::vector<std::string> moved;
    for (const auto& l : a.lines) {
      auto unit = inventory_.UnitFor(tx, actor, l.unit_id);
      if (!unit || unit->list_price_cents != l.before_cents || !inventory_.Reprice(tx, ctx, *unit, l.after_cents, why)) {
        moved.push_back(l.unit_code);
      }
    }
    // All or none: the transaction rolls back with the error.
    if (!moved.empty()) return Fail(PricesChanged(moved));
    tx.Execute(kDecide, id, actor.tenant_id, AdjustmentStatus::kApplied, actor.user_id, now);
    Adjustment after = *FindAdjustment(tx, actor.tenant_id, id, true);
    audit_.Record(tx, ctx, "price_adjustment.applied", "price_adjustment", id, ToJson(a, false), ToJson(after, false));
    return after;
  });
}

Result<Adjustment> PriceService::CancelAdjustment(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change price adjustments");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Adjustment> {
    HEARTH_ASSIGN(const Adjustment a, AdjustmentFor(tx, actor, id, false));
    if (a.created_by != actor.user_id && !actor.IsManager()) return Forbidden("the draft is someone else's");
    if (tx.Execute(kDecide, id, actor.tenant_id, AdjustmentStatus::kCancelled, actor.user_id, now).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", fmt::format("the adjustment is {}", WordOf(a.status)));
    }
    Adjustment after = *FindAdjustment(tx, actor.tenant_id, id, true);
    audit_.Record(tx, ctx, "price_adjustment.cancelled", "price_adjustment", id, ToJson(a, false), ToJson(after, false));
    return after;
  });
}

Result<std::vector<PriceChange>> PriceService::History(const RequestContext& ctx, std::int64_t unit_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<PriceChange>> {
    HEARTH_TRY(inventory_.UnitFor(tx, actor, unit_id));
    std::vector<PriceChange> out;
    auto rows = tx.Execute(kHistory, unit_id);
    std::vector<std::int64_t> users;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3), r.Time(4), std::to_string(r.Int(5))});
      users.push_back(r.Int(5));
    }
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& c : out) {
      if (auto it = names.find(std::stoll(c.by_name)); it != names.end()) c.by_name = it->second.Shown();
    }
    return out;
  });
}

std::optional<DiscountScheme> PriceService::FindScheme(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindScheme, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kSchemeColumns.Read(rows.front());
}

Result<DiscountScheme> PriceService::SchemeFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto d = FindScheme(tx, actor.tenant_id, id);
  if (!d || !inventory_.ProjectFor(tx, actor, d->project_id)) return NotFound("no such discount scheme");
  return *d;
}

Result<DiscountScheme> PriceService::CreateScheme(const RequestContext& ctx, const DiscountScheme& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager sets discount schemes");
  HEARTH_TRY(CheckScheme(in));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<DiscountScheme> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    const std::int64_t id = tx.Execute(kInsertScheme, actor.tenant_id, in.project_id, project->org_unit_id, in.name,
                                       in.percent_off_bp, in.amount_off_cents, in.valid_from, in.valid_to, in.max_uses,
                                       in.stackable, in.active, now)
                                .front()
                                .Int(0);
    DiscountScheme d = *FindScheme(tx, actor.tenant_id, id);
    audit_.Record(tx, ctx, "discount_scheme.created", "discount_scheme", id, nullptr, ToJson(d));
    return d;
  });
}

Result<std::vector<DiscountScheme>> PriceService::Schemes(const RequestContext& ctx, std::int64_t project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<DiscountScheme>> {
    if (!inventory_.ProjectFor(tx, actor, project_id)) return FailField("project_id", "not_found");
    std::vector<DiscountScheme> out;
    auto rows = tx.Execute(kSchemesOf, project_id, actor.tenant_id);
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(kSchemeColumns.Read(rows[i]));
    return out;
  });
}

Result<DiscountScheme> PriceService::UpdateScheme(const RequestContext& ctx, std::int64_t id, const SchemePatch& p,
                                                  std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager sets discount schemes");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<DiscountScheme> {
    HEARTH_ASSIGN(const DiscountScheme before, SchemeFor(tx, actor, id));
    if (expected_version && *expected_version != before.version) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the scheme was changed by someone else; reload it");
    }
    DiscountScheme d = before;
    if (p.name) d.name = *p.name;
    if (p.active) d.active = *p.active;
    if (p.stackable) d.stackable = *p.stackable;
    if (p.valid_to) d.valid_to = *p.valid_to;
    if (p.max_uses) d.max_uses = *p.max_uses;
    HEARTH_TRY(CheckScheme(d));
    if (d.max_uses && *d.max_uses < d.uses) return FailField("max_uses", "below_uses");
    if (tx.Execute(kSaveScheme, id, before.version, d.name, d.active, d.stackable, d.valid_to, d.max_uses, now).affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the scheme was changed meanwhile; reload it");
    }
    DiscountScheme after = *FindScheme(tx, actor.tenant_id, id);
    audit_.Record(tx, ctx, "discount_scheme.updated", "discount_scheme", id, ToJson(before), ToJson(after));
    return after;
  });
}

Result<Pricing> PriceService::PriceSubscription(db::Tx& tx, const Actor& actor, const inventory::Unit& unit,
                                                std::int64_t price_cents, const std::vector<std::int64_t>& scheme_ids,
                                                std::string_view today) {
  if (scheme_ids.size() > 5) return FailField("discount_scheme_ids", "too_many");
  std::vector<DiscountScheme> schemes;
  for (std::size_t i = 0; i < scheme_ids.size(); ++i) {
    const std::string at = "discount_scheme_ids[" + std::to_string(i) + "]";
    for (std::size_t j = 0; j < i; ++j) {
      if (scheme_ids[j] == scheme_ids[i]) return FailField(at, "duplicate");
    }
    auto d = FindScheme(tx, actor.tenant_id, scheme_ids[i]);
    if (!d || d->project_id != unit.project_id) return FailField(at, "not_found");
    schemes.push_back(*d);
  }
  HEARTH_ASSIGN(const SchemePrice sp, PriceWithSchemes(unit.list_price_cents, schemes, today));
  for (std::size_t i = 0; i < schemes.size(); ++i) {
    if (tx.Execute(kTakeUse, schemes[i].id).affected != 1) {
      return FailField("discount_scheme_ids[" + std::to_string(i) + "]", "exhausted");
    }
  }
  const SalesSettings settings = leads_.SettingsOf(tx, actor.tenant_id, unit.project_id);
  Pricing p;
  p.list_price_cents = unit.list_price_cents;
  p.scheme_price_cents = sp.price_cents;
  p.floor_cents = FloorOf(unit.list_price_cents, settings.floor_percent);
  p.approval = ApprovalFor(unit.list_price_cents, p.floor_cents, price_cents);
  for (std::size_t i = 0; i < schemes.size(); ++i) p.discounts.push_back({schemes[i].id, schemes[i].name, sp.off_cents[i]});
  return p;
}

void PriceService::RecordDiscounts(db::Tx& tx, std::int64_t tenant_id, std::int64_t subscription_id, const Pricing& pricing,
                                   Timestamp now) {
  for (const auto& d : pricing.discounts) tx.Execute(kInsertDiscount, tenant_id, subscription_id, d.scheme_id, d.off_cents, now);
}

void PriceService::ReleaseDiscounts(db::Tx& tx, std::int64_t subscription_id) { tx.Execute(kReleaseUses, subscription_id); }

std::vector<AppliedDiscount> PriceService::DiscountsOf(db::Tx& tx, std::int64_t subscription_id) {
  std::vector<AppliedDiscount> out;
  auto rows = tx.Execute(kDiscounts, subscription_id);
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({rows[i].Int(0), rows[i].Text(1), rows[i].Int(2)});
  return out;
}

}  // namespace hearth::sales
