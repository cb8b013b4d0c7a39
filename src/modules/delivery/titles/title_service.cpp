#include "modules/delivery/titles/title_service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/json.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"

namespace hearth::delivery {

namespace {

constexpr std::string_view kColumns =
    "unit_id, project_id, stage, documents_on, tax_paid_on, submitted_on, issued_on, handed_over_on, certificate_no, note, updated_by, "
    "version, updated_at";
const std::string kFind = fmt::format("SELECT {} FROM title_certificates WHERE unit_id = $1 AND tenant_id = $2", kColumns);
const std::string kOfProject = fmt::format("SELECT {} FROM title_certificates WHERE project_id = $1 AND tenant_id = $2", kColumns);
constexpr std::string_view kInsert = R"sql(
INSERT INTO title_certificates (unit_id, tenant_id, project_id, stage, documents_on, note, updated_by, created_at, updated_at)
VALUES ($1, $2, $3, 'documents', $4, $5, $6, $7, $7))sql";
// Each later step: the column of its day is chosen from a fixed list, never from the request.
constexpr std::string_view kAdvance = R"sql(
UPDATE title_certificates SET stage = $3, {} = $4, certificate_no = COALESCE($5, certificate_no), note = $6, updated_by = $7,
       version = version + 1, updated_at = $8
 WHERE unit_id = $1 AND tenant_id = $2 AND version = $9)sql";

constexpr TitleStage kSteps[] = {TitleStage::kDocuments, TitleStage::kTaxPaid, TitleStage::kSubmitted, TitleStage::kIssued,
                                 TitleStage::kHandedOver};
constexpr std::string_view DayColumn(TitleStage s) {
  switch (s) {
    case TitleStage::kDocuments: return "documents_on";
    case TitleStage::kTaxPaid: return "tax_paid_on";
    case TitleStage::kSubmitted: return "submitted_on";
    case TitleStage::kIssued: return "issued_on";
    case TitleStage::kHandedOver: return "handed_over_on";
    case TitleStage::kNotStarted: break;
  }
  return "";
}

TitleCertificate Read(const db::Row& r) {
  TitleCertificate t;
  t.unit_id = r.Int(0);
  t.project_id = r.Int(1);
  t.stage = kTitleStages.Parse(r.Text(2)).value_or(TitleStage::kNotStarted);
  for (std::size_t i = 0; i < std::size(kSteps); ++i) {
    if (auto day = r.OptText(3 + i)) t.days[kSteps[i]] = *day;
  }
  t.certificate_no = r.OptText(8);
  t.note = r.Text(9);
  t.actor_id = r.Int(10);
  t.version = r.Int(11);
  t.updated_at = Timestamp{r.Int(12)};
  return t;
}

bool Sold(const inventory::Unit& u) {
  return u.status == inventory::UnitStatus::kContracted || u.status == inventory::UnitStatus::kDelivered;
}

std::optional<std::int64_t> DayOf(const std::optional<std::string>& date) {
  return date ? ParseIsoDate(*date) : std::nullopt;
}

}  // namespace

boost::json::object ToJson(const TitleCertificate& t, std::int64_t today) {
  boost::json::object days;
  for (const auto s : kSteps) {
    auto it = t.days.find(s);
    days[WordOf(s)] = it == t.days.end() ? boost::json::value(nullptr) : boost::json::value(it->second);
  }
  boost::json::array owners;
  for (const auto& o : t.owners) owners.push_back(boost::json::object{{"customer_id", o.customer_id}, {"name", o.name}});
  const auto delivered = DayOf(t.delivered_on);
  const int next = static_cast<int>(t.stage) + 1;
  return {{"unit_id", t.unit_id},
          {"unit_code", t.unit_code},
          {"unit_status", t.unit_status},
          {"project_id", t.project_id},
          {"delivered_on", JsonOr(t.delivered_on)},
          {"owners", std::move(owners)},
          {"stage", WordOf(t.stage)},
          {"next_stage", next < static_cast<int>(kTitleStages.size()) ? boost::json::value(WordOf(static_cast<TitleStage>(next)))
                                                                      : boost::json::value(nullptr)},
          {"days", std::move(days)},
          {"certificate_no", JsonOr(t.certificate_no)},
          {"note", t.note},
          {"due_by", delivered ? boost::json::value(FormatIsoDate(*delivered + kTitlePromiseDays)) : boost::json::value(nullptr)},
          {"overdue", TitleOverdue(t.stage, delivered, today)},
          {"updated_by_name", JsonOr(t.actor_name)},
          {"updated_at", t.updated_at ? boost::json::value(FormatRfc3339(*t.updated_at)) : boost::json::value(nullptr)},
          {"version", t.version}};
}

TitleService::TitleService(db::Database& db, const Clock& clock, platform::AuditLog& audit, customers::CustomerService& customers,
                           inventory::InventoryService& inventory)
    : db_(db), clock_(clock), audit_(audit), customers_(customers), inventory_(inventory) {}

std::int64_t TitleService::Today() const { return *ParseIsoDate(ChinaToday(clock_)); }

std::optional<TitleCertificate> TitleService::Stored(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id) {
  auto rows = tx.Execute(kFind, unit_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return Read(rows.front());
}

TitleCertificate TitleService::Complete(db::Tx& tx, const inventory::Unit& unit, std::optional<TitleCertificate> stored) {
  TitleCertificate t = stored ? std::move(*stored) : TitleCertificate{};
  t.unit_id = unit.id;
  t.project_id = unit.project_id;
  t.unit_code = unit.code;
  t.unit_status = std::string(inventory::WordOf(unit.status));
  t.delivered_on = unit.delivered_on;
  t.owners = inventory_.OwnersOf(tx, unit).owners;
  return t;
}

Result<TitleCertificate> TitleService::Get(const RequestContext& ctx, std::int64_t unit_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<TitleCertificate> {
    auto unit = inventory_.UnitFor(tx, actor, unit_id);
    if (!unit) return NotFound("no such unit");
    std::vector<TitleCertificate> one{Complete(tx, *unit, Stored(tx, actor.tenant_id, unit->id))};
    platform::directory::NameActors(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<TitlePage> TitleService::List(const RequestContext& ctx, const TitleFilter& filter, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::int64_t today = Today();
  return db_.Read([&](db::Tx& tx) -> Result<TitlePage> {
    auto project = inventory_.ProjectFor(tx, actor, filter.project_id);
    if (!project) return FailField("project_id", "not_found");
    std::map<std::int64_t, TitleCertificate> stored;
    for (const auto& r : tx.Execute(kOfProject, project->id, actor.tenant_id)) {
      auto t = Read(r);
      stored.emplace(t.unit_id, std::move(t));
    }
    auto units = inventory_.UnitsOfProject(tx, actor.tenant_id, project->id);
    std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    TitlePage out;
    std::vector<std::pair<const inventory::Unit*, std::optional<TitleCertificate>>> chosen;
    for (const auto& u : units) {
      if (!Sold(u)) continue;
      auto found = stored.find(u.id);
      const TitleStage stage = found == stored.end() ? TitleStage::kNotStarted : found->second.stage;
      const bool overdue = TitleOverdue(stage, DayOf(u.delivered_on), today);
      ++out.sold;
      ++out.by_stage[stage];
      if (overdue) ++out.overdue;
      if ((filter.stage && stage != *filter.stage) || (filter.overdue_only && !overdue)) continue;
      if (page.after_id && u.id <= *page.after_id) continue;
      if (static_cast<int>(chosen.size()) > page.limit) continue;
      chosen.emplace_back(&u, found == stored.end() ? std::nullopt : std::optional<TitleCertificate>(found->second));
    }
    for (auto& [unit, t] : chosen) out.items.push_back(Complete(tx, *unit, std::move(t)));
    out.next_cursor = TrimToPage(out.items, page, [](const TitleCertificate& t) { return t.unit_id; });
    platform::directory::NameActors(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<TitleCertificate> TitleService::Advance(const RequestContext& ctx, std::int64_t unit_id, TitleStage stage, const std::string& on,
                                               const std::optional<std::string>& certificate_no, const std::string& note,
                                               std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations record the certificate's steps");
  const auto day = ParseIsoDate(on);
  if (!day) return FailField("on", "invalid_format");
  if (*day > Today()) return FailField("on", "in_the_future");
  if (stage == TitleStage::kIssued && (!certificate_no || certificate_no->empty())) return FailField("certificate_no", "required");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<TitleCertificate> {
    auto unit = inventory_.UnitFor(tx, actor, unit_id);
    if (!unit) return NotFound("no such unit");
    if (!Sold(*unit)) {
      return Fail(ErrorCode::kConflict, "unit_unavailable", fmt::format("unit {} is not sold: no certificate to apply for", unit->code));
    }
    auto before = Stored(tx, actor.tenant_id, unit->id);
    const TitleStage current = before ? before->stage : TitleStage::kNotStarted;
    if (!NextTitleStage(current, stage)) {
      const int next = static_cast<int>(current) + 1;
      Error e{ErrorCode::kConflict, "invalid_transition",
              fmt::format("the certificate is at {}; the next step is {}", WordOf(current),
                          next < static_cast<int>(kTitleStages.size()) ? WordOf(static_cast<TitleStage>(next)) : "none"),
              {}, {}};
      if (next < static_cast<int>(kTitleStages.size())) e.extra.emplace_back("next_stage", fmt::format("\"{}\"", WordOf(static_cast<TitleStage>(next))));
      return tl::unexpected(std::move(e));
    }
    if (before && expected_version && *expected_version != before->version) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the certificate was changed by someone else; reload it");
    }
    if (before) {
      const auto previous = before->days.find(current);
      if (previous != before->days.end() && on < previous->second) return FailField("on", "before_previous_step");
      const std::string sql = fmt::format(fmt::runtime(kAdvance), DayColumn(stage));
      if (tx.Execute(sql, unit->id, actor.tenant_id, WordOf(stage), on, certificate_no, note, actor.user_id, now, before->version).affected != 1) {
        return Fail(ErrorCode::kConflict, "version_conflict", "the certificate was changed by someone else; reload it");
      }
    } else {
      tx.Execute(kInsert, unit->id, actor.tenant_id, unit->project_id, on, note, actor.user_id, now);
    }
    std::vector<TitleCertificate> one{Complete(tx, *unit, Stored(tx, actor.tenant_id, unit->id))};
    platform::directory::NameActors(tx, actor.tenant_id, one);
    const TitleCertificate& t = one.front();
    if (stage == TitleStage::kIssued || stage == TitleStage::kHandedOver) {
      const std::string what = stage == TitleStage::kIssued ? fmt::format("不动产权证已出证：{}（证号 {}）", unit->code, certificate_no.value_or(""))
                                                            : fmt::format("已领取不动产权证：{}", unit->code);
      for (const auto& o : t.owners) {
        customers_.AppendTimeline(tx, actor.tenant_id, {0, o.customer_id, now, "journey", "unit", unit->id, what}, actor.user_id);
      }
    }
    audit_.Record(tx, ctx, "title_certificate.advanced", "unit", unit->id,
                  boost::json::object{{"stage", WordOf(current)}}, ToJson(t, Today()));
    return t;
  });
}

}  // namespace hearth::delivery
