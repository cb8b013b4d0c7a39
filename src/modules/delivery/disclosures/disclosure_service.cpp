#include "modules/delivery/disclosures/disclosure_service.hpp"

#include <algorithm>
#include <set>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"

namespace hearth::delivery {

namespace {

const db::Columns<AdverseFactor> kColumns{
    {"id", &AdverseFactor::id},
    {"tenant_id", &AdverseFactor::tenant_id},
    {"project_id", &AdverseFactor::project_id},
    {"org_unit_id", &AdverseFactor::org_unit_id},
    {"title", &AdverseFactor::title},
    {"detail", &AdverseFactor::detail},
    {"status", &AdverseFactor::status},
    {"created_by", &AdverseFactor::created_by},
    {"withdraw_reason", &AdverseFactor::withdraw_reason},
    {"withdrawn_at", &AdverseFactor::withdrawn_at},
    {"withdrawn_by", &AdverseFactor::withdrawn_by},
    {"version", &AdverseFactor::version},
    {"created_at", &AdverseFactor::created_at},
    {"updated_at", &AdverseFactor::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM adverse_factors WHERE id = $1 AND tenant_id = $2";
const std::string kOfProject = "SELECT " + kColumns.List() + R"sql( FROM adverse_factors
 WHERE project_id = $1 AND (status = 'published' OR $2 = 1) ORDER BY id)sql";
constexpr std::string_view kPublished = "SELECT id FROM adverse_factors WHERE project_id = $1 AND status = 'published' ORDER BY id";
constexpr std::string_view kInsert = R"sql(
INSERT INTO adverse_factors (tenant_id, project_id, org_unit_id, title, detail, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kWithdraw = R"sql(
UPDATE adverse_factors SET status = 'withdrawn', withdraw_reason = $4, withdrawn_at = $3, withdrawn_by = $5, version = version + 1,
       updated_at = $3
 WHERE id = $1 AND tenant_id = $2 AND status = 'published')sql";
constexpr std::string_view kAcks = R"sql(
SELECT id, tenant_id, project_id, customer_id, factor_ids, method, note, recorded_by, created_at FROM disclosure_acks
 WHERE project_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR customer_id = $2) ORDER BY id)sql";
constexpr std::string_view kInsertAck = R"sql(
INSERT INTO disclosure_acks (tenant_id, project_id, customer_id, factor_ids, method, note, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)sql";

std::string JoinIds(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> SplitIds(const std::string& text) {
  std::vector<std::int64_t> out;
  std::int64_t n = 0;
  bool any = false;
  for (char c : text + ",") {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      any = true;
    } else if (any) {
      out.push_back(n);
      n = 0;
      any = false;
    }
  }
  return out;
}

/// Who published and who withdrew each factor, by name.
void NamePeople(db::Tx& tx, std::int64_t tenant_id, std::vector<AdverseFactor>& factors) {
  std::vector<std::int64_t> users;
  for (const auto& f : factors) {
    users.push_back(f.created_by);
    if (f.withdrawn_by) users.push_back(*f.withdrawn_by);
  }
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  for (auto& f : factors) {
    if (auto it = names.find(f.created_by); it != names.end()) f.created_by_name = it->second.Shown();
    if (f.withdrawn_by) {
      if (auto it = names.find(*f.withdrawn_by); it != names.end()) f.withdrawn_by_name = it->second.Shown();
    }
  }
}

}  // namespace

boost::json::object ToJson(const AdverseFactor& f) {
  return {{"id", f.id},
          {"project_id", f.project_id},
          {"project_name", f.project_name},
          {"title", f.title},
          {"detail", f.detail},
          {"status", f.status},
          {"created_by", f.created_by},
          {"created_by_name", f.created_by_name},
          {"withdraw_reason", JsonOr(f.withdraw_reason)},
          {"withdrawn_at", f.withdrawn_at ? boost::json::value(FormatRfc3339(*f.withdrawn_at)) : boost::json::value(nullptr)},
          {"withdrawn_by_name", JsonOr(f.withdrawn_by_name)},
          {"version", f.version},
          {"created_at", FormatRfc3339(f.created_at)},
          {"updated_at", FormatRfc3339(f.updated_at)}};
}

boost::json::object ToJson(const DisclosureAck& a) {
  return {{"id", a.id},
          {"project_id", a.project_id},
          {"customer_id", a.customer_id},
          {"customer_name", a.customer_name},
          {"factor_ids", boost::json::array(a.factor_ids.begin(), a.factor_ids.end())},
          {"method", a.method},
          {"note", a.note},
          {"recorded_by", a.recorded_by},
          {"recorded_by_name", a.recorded_by_name},
          {"created_at", FormatRfc3339(a.created_at)}};
}

std::vector<std::int64_t> Unacknowledged(const std::vector<std::int64_t>& published, const std::vector<std::int64_t>& buyers,
                                         const std::vector<DisclosureAck>& acks) {
  std::vector<std::int64_t> missing;
  for (auto buyer : buyers) {
    std::set<std::int64_t> covered;
    for (const auto& a : acks) {
      if (a.customer_id == buyer) covered.insert(a.factor_ids.begin(), a.factor_ids.end());
    }
    const bool all = std::all_of(published.begin(), published.end(), [&](std::int64_t f) { return covered.contains(f); });
    if (!all && std::find(missing.begin(), missing.end(), buyer) == missing.end()) missing.push_back(buyer);
  }
  return missing;
}

DisclosureService::DisclosureService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                                     customers::CustomerService& customers, inventory::InventoryService& inventory,
                                     sales::DealService& deals)
    : db_(db), clock_(clock), audit_(audit), customers_(customers), inventory_(inventory) {
  deals.AddSignCheck([this](db::Tx& tx, const Actor& actor, std::int64_t project_id, const std::vector<std::int64_t>& buyers) {
    return CheckSigning(tx, actor, project_id, buyers);
  });
}

std::vector<std::int64_t> DisclosureService::Published(db::Tx& tx, std::int64_t project_id) {
  std::vector<std::int64_t> ids;
  for (const auto& r : tx.Execute(kPublished, project_id)) ids.push_back(r.Int(0));
  return ids;
}

std::vector<DisclosureAck> DisclosureService::AcksOf(db::Tx& tx, std::int64_t project_id, std::optional<std::int64_t> customer_id) {
  std::vector<DisclosureAck> out;
  for (const auto& r : tx.Execute(kAcks, project_id, customer_id)) {
    out.push_back(DisclosureAck{r.Int(0), r.Int(1), r.Int(2), r.Int(3), SplitIds(r.Text(4)), r.Text(5), r.Text(6), r.Int(7),
                                Timestamp{r.Int(8)}});
  }
  return out;
}

Result<void> DisclosureService::CheckSigning(db::Tx& tx, const Actor& actor, std::int64_t project_id,
                                             const std::vector<std::int64_t>& buyers) {
  const auto published = Published(tx, project_id);
  if (published.empty()) return {};
  const auto missing = Unacknowledged(published, buyers, AcksOf(tx, project_id, std::nullopt));
  if (missing.empty()) return {};
  const auto names = customers_.NamesOf(tx, actor.tenant_id, missing);
  std::string who;
  boost::json::array ids;
  for (auto id : missing) {
    who += (who.empty() ? "" : "、") + (names.contains(id) ? names.at(id) : std::to_string(id));
    ids.push_back(id);
  }
  Error e{ErrorCode::kConflict, "disclosure_unacknowledged",
          fmt::format("{} 尚未签收本项目的不利因素公示（{} 项）：签收后才能签约", who, published.size()), {}, {}};
  e.extra.emplace_back("customer_ids", boost::json::serialize(ids));
  return tl::unexpected(std::move(e));
}

Result<AdverseFactor> DisclosureService::Publish(const RequestContext& ctx, std::int64_t project_id, const std::string& title,
                                                 const std::string& detail) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations publish adverse factors");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<AdverseFactor> {
    auto project = inventory_.ProjectFor(tx, actor, project_id);
    if (!project) return FailField("project_id", "not_found");
    const auto id = tx.Execute(kInsert, actor.tenant_id, project->id, project->org_unit_id, title, detail, actor.user_id, now).front().Int(0);
    std::vector<AdverseFactor> one{kColumns.Read(tx.Execute(kFind, id, actor.tenant_id).front())};
    NamePeople(tx, actor.tenant_id, one);
    AdverseFactor f = std::move(one.front());
    f.project_name = project->name;
    audit_.Record(tx, ctx, "adverse_factor.published", "project", project->id, nullptr, ToJson(f));
    return f;
  });
}

Result<AdverseFactor> DisclosureService::Withdraw(const RequestContext& ctx, std::int64_t id, const std::string& reason) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork) || !ManagesDelivery(actor)) return Forbidden("only a manager withdraws an adverse factor");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<AdverseFactor> {
    auto rows = tx.Execute(kFind, id, actor.tenant_id);
    if (rows.empty()) return NotFound("no such adverse factor");
    const AdverseFactor before = kColumns.Read(rows.front());
    auto project = inventory_.ProjectFor(tx, actor, before.project_id);
    if (!project) return NotFound("no such adverse factor");
    if (tx.Execute(kWithdraw, id, actor.tenant_id, now, reason, actor.user_id).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the factor is withdrawn already");
    }
    std::vector<AdverseFactor> one{kColumns.Read(tx.Execute(kFind, id, actor.tenant_id).front())};
    NamePeople(tx, actor.tenant_id, one);
    AdverseFactor f = std::move(one.front());
    f.project_name = project->name;
    audit_.Record(tx, ctx, "adverse_factor.withdrawn", "project", project->id, ToJson(before),
                  boost::json::object{{"status", "withdrawn"}, {"reason", reason}});
    return f;
  });
}

Result<std::vector<AdverseFactor>> DisclosureService::Factors(const RequestContext& ctx, std::int64_t project_id, bool with_withdrawn) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<AdverseFactor>> {
    auto project = inventory_.ProjectFor(tx, actor, project_id);
    if (!project) return FailField("project_id", "not_found");
    std::vector<AdverseFactor> out;
    for (const auto& r : tx.Execute(kOfProject, project->id, with_withdrawn ? 1 : 0)) {
      out.push_back(kColumns.Read(r));
      out.back().project_name = project->name;
    }
    NamePeople(tx, actor.tenant_id, out);
    return out;
  });
}

Result<DisclosureAck> DisclosureService::Acknowledge(const RequestContext& ctx, std::int64_t project_id, std::int64_t customer_id,
                                                     const std::string& method, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not record acknowledgements");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<DisclosureAck> {
    auto project = inventory_.ProjectFor(tx, actor, project_id);
    if (!project) return FailField("project_id", "not_found");
    if (!customers_.CustomerFor(tx, actor, customer_id)) return FailField("customer_id", "not_found");
    const auto published = Published(tx, project->id);
    if (published.empty()) return Fail(ErrorCode::kConflict, "nothing_to_acknowledge", "the project has published no adverse factors");
    const auto id = tx.Execute(kInsertAck, actor.tenant_id, project->id, customer_id, JoinIds(published), method, note, actor.user_id, now)
                        .front()
                        .Int(0);
    DisclosureAck a{id, actor.tenant_id, project->id, customer_id, published, method, note, actor.user_id, now};
    const auto names = customers_.NamesOf(tx, actor.tenant_id, {customer_id});
    if (names.contains(customer_id)) a.customer_name = names.at(customer_id);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, customer_id, now, "journey", "project", project->id,
                               fmt::format("签收不利因素公示：{}（{} 项）", project->name, published.size())},
                              actor.user_id);
    audit_.Record(tx, ctx, "disclosure.acknowledged", "customer", customer_id, nullptr, ToJson(a));
    return a;
  });
}

Result<std::vector<DisclosureAck>> DisclosureService::Acks(const RequestContext& ctx, std::int64_t project_id,
                                                           std::optional<std::int64_t> customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<DisclosureAck>> {
    auto project = inventory_.ProjectFor(tx, actor, project_id);
    if (!project) return FailField("project_id", "not_found");
    auto acks = AcksOf(tx, project->id, customer_id);
    std::vector<std::int64_t> customers, users;
    for (const auto& a : acks) {
      customers.push_back(a.customer_id);
      users.push_back(a.recorded_by);
    }
    const auto names = customers_.NamesOf(tx, actor.tenant_id, customers);
    const auto people = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& a : acks) {
      if (names.contains(a.customer_id)) a.customer_name = names.at(a.customer_id);
      if (auto it = people.find(a.recorded_by); it != people.end()) a.recorded_by_name = it->second.Shown();
    }
    return acks;
  });
}

}  // namespace hearth::delivery
