#include "modules/sales/leads/dispute_service.hpp"

#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/sales/sales_common.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::sales {

namespace {

const db::Columns<Dispute> kColumns{
    {"id", &Dispute::id},
    {"tenant_id", &Dispute::tenant_id},
    {"project_id", &Dispute::project_id},
    {"org_unit_id", &Dispute::org_unit_id},
    {"lead_id", &Dispute::lead_id},
    {"claimant_id", &Dispute::claimant_id},
    {"holder_id", &Dispute::holder_id},
    {"reason", &Dispute::reason},
    {"status", &Dispute::status, kDisputeStatuses},
    {"decided_by", &Dispute::decided_by},
    {"decided_at", &Dispute::decided_at},
    {"decision_note", &Dispute::decision_note},
    {"version", &Dispute::version},
    {"created_at", &Dispute::created_at},
    {"updated_at", &Dispute::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM lead_disputes WHERE id = $1 AND tenant_id = $2";
const std::string kList = "SELECT " + kColumns.List("d") + " FROM lead_disputes d" HEARTH_JOIN_ORG_UNIT("d") R"sql(
 WHERE d.tenant_id = $1 AND o.path LIKE $2 AND (CAST($3 AS BIGINT) IS NULL OR d.id < $3)
   AND (CAST($4 AS TEXT) IS NULL OR d.status = $4)
 ORDER BY d.id DESC LIMIT $5)sql";
constexpr std::string_view kInsert = R"sql(
INSERT INTO lead_disputes (tenant_id, project_id, org_unit_id, lead_id, claimant_id, holder_id, reason, status, created_at,
                           updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8) RETURNING id)sql";
constexpr std::string_view kDecide = R"sql(
UPDATE lead_disputes SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5, version = version + 1,
       updated_at = $4
 WHERE id = $1 AND status = 'pending')sql";

}  // namespace

boost::json::object ToJson(const Dispute& d) {
  return {{"id", d.id},
          {"project_id", d.project_id},
          {"project_name", d.project_name},
          {"lead_id", d.lead_id},
          {"customer_name", d.customer_name},
          {"claimant_id", d.claimant_id},
          {"claimant_name", d.claimant_name},
          {"holder_id", d.holder_id},
          {"holder_name", d.holder_name},
          {"reason", d.reason},
          {"status", WordOf(d.status)},
          {"decided_by", JsonOr(d.decided_by)},
          {"decided_by_name", JsonOr(d.decided_by_name)},
          {"decided_at", JsonTime(d.decided_at)},
          {"decision_note", d.decision_note},
          {"version", d.version},
          {"created_at", FormatRfc3339(d.created_at)},
          {"updated_at", FormatRfc3339(d.updated_at)}};
}

DisputeService::DisputeService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                               platform::Notifications& notifications, inventory::InventoryService& inventory,
                               LeadService& leads)
    : db_(db), clock_(clock), audit_(audit), notifications_(notifications), inventory_(inventory), leads_(leads) {}

std::optional<Dispute> DisputeService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

void DisputeService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Dispute>& disputes) {
  if (disputes.empty()) return;
  std::vector<std::int64_t> users;
  for (const auto& d : disputes) {
    users.push_back(d.claimant_id);
    users.push_back(d.holder_id);
    if (d.decided_by) users.push_back(*d.decided_by);
  }
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  auto name = [&](std::int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second.Shown();
  };
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  for (auto& d : disputes) {
    d.claimant_name = name(d.claimant_id);
    d.holder_name = name(d.holder_id);
    if (d.decided_by) d.decided_by_name = name(*d.decided_by);
    if (auto it = projects.find(d.project_id); it != projects.end()) d.project_name = it->second;
    if (auto lead = leads_.Named(tx, tenant_id, d.lead_id)) d.customer_name = lead->customer_name;
  }
}

Result<Dispute> DisputeService::File(const RequestContext& ctx, std::int64_t lead_id, const std::string& reason) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not dispute leads");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Dispute> {
    HEARTH_ASSIGN(const Lead lead, leads_.LeadFor(tx, actor, lead_id));
    if (lead.consultant_id == actor.user_id) return FailField("lead_id", "own_lead");
    if (lead.status == LeadStatus::kWon) return Fail(ErrorCode::kConflict, "lead_won", "the customer has bought: ask a manager for a change order");
    const std::int64_t id = tx.Execute(kInsert, actor.tenant_id, lead.project_id, lead.org_unit_id, lead.id, actor.user_id,
                                       lead.consultant_id, reason, now)
                                .front()
                                .Int(0);
    std::vector<Dispute> one{*Find(tx, actor.tenant_id, id)};
    Name(tx, actor.tenant_id, one);
    const Dispute& d = one.front();
    for (auto manager : platform::Notifications::UsersWithRole(tx, lead.org_unit_id, {"manager"})) {
      notifications_.Notify(tx, actor.tenant_id, {manager}, "sales.dispute", fmt::format("判客争议：{}", d.customer_name),
                            fmt::format("{} 认为客户 {} 应归属自己（现归 {}）：{}", d.claimant_name, d.customer_name, d.holder_name,
                                        reason.substr(0, 200)),
                            "lead_dispute", id);
    }
    audit_.Record(tx, ctx, "lead_dispute.filed", "lead_dispute", id, nullptr, ToJson(d));
    return d;
  });
}

Result<platform::Listing<Dispute>> DisputeService::List(const RequestContext& ctx, std::optional<DisputeStatus> status,
                                                         const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Dispute>> {
    platform::Listing<Dispute> out;
    const std::optional<std::string> word = status ? std::optional<std::string>(std::string(WordOf(*status))) : std::nullopt;
    auto rows = tx.Execute(kList, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", page.after_id,
                           word, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Dispute& d) { return d.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<Dispute> DisputeService::Decide(const RequestContext& ctx, std::int64_t id, bool uphold, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager decides disputes");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Dispute> {
    auto found = Find(tx, actor.tenant_id, id);
    if (!found || !inventory_.ProjectFor(tx, actor, found->project_id)) return NotFound("no such dispute");
    std::vector<Dispute> before{*found};
    Name(tx, actor.tenant_id, before);
    if (tx.Execute(kDecide, id, uphold ? DisputeStatus::kUpheld : DisputeStatus::kRejected, actor.user_id, now, note).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the dispute was decided already");
    }
    if (uphold) {
      HEARTH_ASSIGN(const Lead lead, leads_.LeadFor(tx, actor, found->lead_id));
      const Lead moved = leads_.Reassign(tx, lead, found->claimant_id, now);
      audit_.Record(tx, ctx, "lead.reassigned", "lead", lead.id, boost::json::object{{"consultant_id", lead.consultant_id}},
                    boost::json::object{{"consultant_id", moved.consultant_id}, {"dispute_id", id}});
    }
    std::vector<Dispute> after{*Find(tx, actor.tenant_id, id)};
    Name(tx, actor.tenant_id, after);
    const Dispute& d = after.front();
    notifications_.Notify(tx, actor.tenant_id, {d.claimant_id, d.holder_id}, "sales.dispute_decided",
                          fmt::format("判客争议已裁决：{}", d.customer_name),
                          fmt::format("{} 裁决客户 {} {}{}", d.decided_by_name.value_or(""), d.customer_name,
                                      uphold ? "归属 " + d.claimant_name : "仍归属 " + d.holder_name,
                                      note.empty() ? "" : "：" + note.substr(0, 200)),
                          "lead", d.lead_id);
    audit_.Record(tx, ctx, uphold ? "lead_dispute.upheld" : "lead_dispute.rejected", "lead_dispute", id, ToJson(before.front()),
                  ToJson(d));
    return d;
  });
}

}  // namespace hearth::sales
