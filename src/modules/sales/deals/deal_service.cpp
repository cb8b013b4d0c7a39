#include "modules/sales/deals/deal_service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "modules/sales/sales_common.hpp"
#include "db/columns.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::sales {

namespace {

const db::Columns<Pledge> kPledgeColumns{
    {"id", &Pledge::id},
    {"tenant_id", &Pledge::tenant_id},
    {"project_id", &Pledge::project_id},
    {"org_unit_id", &Pledge::org_unit_id},
    {"customer_id", &Pledge::customer_id},
    {"unit_id", &Pledge::unit_id},
    {"lead_id", &Pledge::lead_id},
    {"consultant_id", &Pledge::consultant_id},
    {"amount_cents", &Pledge::amount_cents},
    {"queue_no", &Pledge::queue_no},
    {"status", &Pledge::status, kPledgeStatuses},
    {"version", &Pledge::version},
    {"created_at", &Pledge::created_at},
    {"updated_at", &Pledge::updated_at},
};
const db::Columns<Subscription> kSubscriptionColumns{
    {"id", &Subscription::id},
    {"tenant_id", &Subscription::tenant_id},
    {"project_id", &Subscription::project_id},
    {"org_unit_id", &Subscription::org_unit_id},
    {"unit_id", &Subscription::unit_id},
    {"lead_id", &Subscription::lead_id},
    {"pledge_id", &Subscription::pledge_id},
    {"consultant_id", &Subscription::consultant_id},
    {"price_cents", &Subscription::price_cents},
    {"deposit_cents", &Subscription::deposit_cents},
    {"status", &Subscription::status, kSubscriptionStatuses},
    {"version", &Subscription::version},
    {"created_at", &Subscription::created_at},
    {"updated_at", &Subscription::updated_at},
    {"list_price_cents", &Subscription::list_price_cents},
    {"scheme_price_cents", &Subscription::scheme_price_cents},
    {"floor_cents", &Subscription::floor_cents},
    {"approval", &Subscription::approval, kPriceApprovals},
    {"approval_by", &Subscription::approval_by},
    {"approval_at", &Subscription::approval_at},
    {"approval_note", &Subscription::approval_note},
};
const db::Columns<Contract> kContractColumns{
    {"id", &Contract::id},
    {"tenant_id", &Contract::tenant_id},
    {"project_id", &Contract::project_id},
    {"org_unit_id", &Contract::org_unit_id},
    {"unit_id", &Contract::unit_id},
    {"subscription_id", &Contract::subscription_id},
    {"contract_no", &Contract::contract_no},
    {"signed_on", &Contract::signed_on},
    {"total_cents", &Contract::total_cents},
    {"paid_cents", &Contract::paid_cents},
    {"status", &Contract::status, kContractStatuses},
    {"version", &Contract::version},
    {"created_at", &Contract::created_at},
    {"updated_at", &Contract::updated_at},
};

constexpr std::string_view kInsertPledge = R"sql(
INSERT INTO pledges (tenant_id, project_id, org_unit_id, customer_id, unit_id, lead_id, consultant_id, amount_cents,
                     queue_no, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $10) RETURNING id)sql";
const std::string kFindPledge = "SELECT " + kPledgeColumns.List() + " FROM pledges WHERE id = $1 AND tenant_id = $2";
const std::string kPledgesOf = "SELECT " + kPledgeColumns.List() + R"sql( FROM pledges
 WHERE project_id = $1 AND tenant_id = $2 AND (CAST($3 AS BIGINT) IS NULL OR queue_no > $3) ORDER BY queue_no LIMIT $4)sql";
constexpr std::string_view kPledgeStatus = R"sql(
UPDATE pledges SET status = $3, version = version + 1, updated_at = $4 WHERE id = $1 AND status = $2)sql";

constexpr std::string_view kInsertSubscription = R"sql(
INSERT INTO subscriptions (tenant_id, project_id, org_unit_id, unit_id, lead_id, pledge_id, consultant_id, price_cents,
                           deposit_cents, status, created_at, updated_at, list_price_cents, scheme_price_cents,
                           floor_cents, approval)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $10, $11, $12, $13, $14) RETURNING id)sql";
const std::string kFindSubscription =
    "SELECT " + kSubscriptionColumns.List() + " FROM subscriptions WHERE id = $1 AND tenant_id = $2";
const std::string kSubscriptionsOf = "SELECT " + kSubscriptionColumns.List() + R"sql( FROM subscriptions
 WHERE project_id = $1 AND tenant_id = $2 AND (CAST($3 AS BIGINT) IS NULL OR id < $3)
   AND (CAST($5 AS TEXT) IS NULL OR approval = $5) ORDER BY id DESC LIMIT $4)sql";
// The approvals queue: one approval state, in the caller's scope.
const std::string kSubscriptionsByApproval = "SELECT " + kSubscriptionColumns.List("s") +
                                             " FROM subscriptions s" HEARTH_JOIN_ORG_UNIT("s") R"sql(
 WHERE s.tenant_id = $1 AND s.approval = $2 AND o.path LIKE $3 AND (CAST($4 AS BIGINT) IS NULL OR s.id < $4)
 ORDER BY s.id DESC LIMIT $5)sql";
constexpr std::string_view kSubscriptionApproval = R"sql(
UPDATE subscriptions SET approval = $2, approval_by = $3, approval_at = $4, approval_note = $5, version = version + 1,
       updated_at = $4
 WHERE id = $1 AND approval = 'pending' AND status = 'active')sql";
constexpr std::string_view kSubscriptionStatus = R"sql(
UPDATE subscriptions SET status = $3, version = version + 1, updated_at = $4 WHERE id = $1 AND status = $2)sql";
constexpr std::string_view kInsertBuyer = R"sql(
INSERT INTO subscription_buyers (tenant_id, subscription_id, customer_id, share, created_at) VALUES ($1, $2, $3, $4, $5))sql";
constexpr std::string_view kBuyers = R"sql(
SELECT customer_id, share FROM subscription_buyers WHERE subscription_id = $1 ORDER BY share DESC, id)sql";

constexpr std::string_view kInsertContract = R"sql(
INSERT INTO contracts (tenant_id, project_id, org_unit_id, unit_id, subscription_id, contract_no, signed_on, total_cents,
                       paid_cents, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 'signed', $9, $9) RETURNING id)sql";
const std::string kFindContract = "SELECT " + kContractColumns.List() + " FROM contracts WHERE id = $1 AND tenant_id = $2";
const std::string kContracts = "SELECT " + kContractColumns.List("c") + " FROM contracts c" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR c.id < $3)
   AND (CAST($4 AS BIGINT) IS NULL OR c.project_id = $4)
   AND (CAST($5 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM subscription_buyers b
                                               WHERE b.subscription_id = c.subscription_id AND b.customer_id = $5))
   AND (CAST($6 AS TEXT) IS NULL OR (c.status = 'signed' AND EXISTS (SELECT 1 FROM contract_instalments i
        WHERE i.contract_id = c.id AND i.paid_cents < i.amount_cents AND i.due_on < $6)))
 ORDER BY c.id DESC LIMIT $7)sql";
constexpr std::string_view kContractPaid = R"sql(
UPDATE contracts SET paid_cents = $2, version = version + 1, updated_at = $3 WHERE id = $1 AND version = $4)sql";
constexpr std::string_view kInsertInstalment = R"sql(
INSERT INTO contract_instalments (tenant_id, contract_id, seq, due_on, kind, amount_cents, paid_cents, created_at)
VALUES ($1, $2, $3, $4, $5, $6, 0, $7))sql";
constexpr std::string_view kInstalments = R"sql(
SELECT seq, due_on, kind, amount_cents, paid_cents FROM contract_instalments WHERE contract_id = $1 ORDER BY seq)sql";
constexpr std::string_view kInstalmentPaid = R"sql(
UPDATE contract_instalments SET paid_cents = $3 WHERE contract_id = $1 AND seq = $2)sql";
constexpr std::string_view kInsertPayment = R"sql(
INSERT INTO payments (tenant_id, contract_id, amount_cents, paid_on, method, receipt_no, actor_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)sql";
constexpr std::string_view kPayments = R"sql(
SELECT id, contract_id, amount_cents, paid_on, method, receipt_no, actor_id, created_at FROM payments
 WHERE contract_id = $1 ORDER BY id)sql";
constexpr std::string_view kPaymentCount = "SELECT count(*) FROM payments WHERE contract_id = $1";

const db::Columns<ChangeOrder> kChangeColumns{
    {"id", &ChangeOrder::id},
    {"tenant_id", &ChangeOrder::tenant_id},
    {"project_id", &ChangeOrder::project_id},
    {"org_unit_id", &ChangeOrder::org_unit_id},
    {"contract_id", &ChangeOrder::contract_id},
    {"kind", &ChangeOrder::kind, kChangeKinds},
    {"reason", &ChangeOrder::reason},
    {"new_unit_id", &ChangeOrder::new_unit_id},
    {"buyers_json", &ChangeOrder::buyers_json},
    {"discount_cents", &ChangeOrder::discount_cents},
    {"status", &ChangeOrder::status, kChangeStatuses},
    {"requested_by", &ChangeOrder::requested_by},
    {"decided_by", &ChangeOrder::decided_by},
    {"decided_at", &ChangeOrder::decided_at},
    {"decision_note", &ChangeOrder::decision_note},
    {"version", &ChangeOrder::version},
    {"created_at", &ChangeOrder::created_at},
    {"updated_at", &ChangeOrder::updated_at},
};
constexpr std::string_view kInsertChange = R"sql(
INSERT INTO change_orders (tenant_id, project_id, org_unit_id, contract_id, kind, reason, new_unit_id, buyers_json,
                           discount_cents, status, requested_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11, $11) RETURNING id)sql";
const std::string kFindChange = "SELECT " + kChangeColumns.List() + " FROM change_orders WHERE id = $1 AND tenant_id = $2";
const std::string kChangesOf = "SELECT " + kChangeColumns.List() + " FROM change_orders WHERE contract_id = $1 ORDER BY id DESC";
const std::string kChanges = "SELECT " + kChangeColumns.List("c") + " FROM change_orders c" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND o.path LIKE $2 AND (CAST($3 AS TEXT) IS NULL OR c.status = $3)
   AND (CAST($4 AS BIGINT) IS NULL OR c.id < $4) ORDER BY c.id DESC LIMIT $5)sql";
constexpr std::string_view kDecideChange = R"sql(
UPDATE change_orders SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5, version = version + 1,
       updated_at = $4 WHERE id = $1 AND status = 'pending')sql";
constexpr std::string_view kContractCancelled = R"sql(
UPDATE contracts SET status = 'cancelled', version = version + 1, updated_at = $2 WHERE id = $1 AND status = 'signed')sql";
constexpr std::string_view kContractUnit = R"sql(
UPDATE contracts SET unit_id = $2, version = version + 1, updated_at = $3 WHERE id = $1)sql";
constexpr std::string_view kSubscriptionUnit = R"sql(
UPDATE subscriptions SET unit_id = $2, version = version + 1, updated_at = $3 WHERE id = $1)sql";
constexpr std::string_view kContractTotal = R"sql(
UPDATE contracts SET total_cents = $2, version = version + 1, updated_at = $3 WHERE id = $1)sql";
constexpr std::string_view kInstalmentAmount = "UPDATE contract_instalments SET amount_cents = $3 WHERE contract_id = $1 AND seq = $2";
constexpr std::string_view kInstalmentGone = "DELETE FROM contract_instalments WHERE contract_id = $1 AND seq = $2";
constexpr std::string_view kDeleteBuyers = "DELETE FROM subscription_buyers WHERE subscription_id = $1";

std::string BuyersText(const std::vector<Buyer>& buyers) {
  boost::json::array out;
  for (const auto& b : buyers) out.push_back(boost::json::object{{"customer_id", b.customer_id}, {"share", b.share}});
  return boost::json::serialize(out);
}

std::vector<Buyer> BuyersOf(const std::optional<std::string>& text) {
  std::vector<Buyer> out;
  if (!text) return out;
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(*text, ec);
  if (ec || !parsed.is_array()) return out;
  for (const auto& b : parsed.as_array()) {
    const auto* o = b.if_object();
    if (!o || !o->contains("customer_id") || !o->contains("share")) continue;
    out.push_back({o->at("customer_id").to_number<std::int64_t>(), o->at("share").to_number<double>(), ""});
  }
  return out;
}

// A merged customer's deals move to the survivor (a subscription both bought stays with one line).
constexpr std::string_view kMovePledges = "UPDATE pledges SET customer_id = $3 WHERE tenant_id = $1 AND customer_id = $2";
constexpr std::string_view kMoveBuyers = R"sql(
UPDATE subscription_buyers SET customer_id = $3 WHERE tenant_id = $1 AND customer_id = $2
   AND subscription_id NOT IN (SELECT subscription_id FROM subscription_buyers WHERE customer_id = $3))sql";



constexpr std::string_view kOpenDealOf = R"sql(
SELECT 1 FROM subscription_buyers b JOIN subscriptions s ON s.id = b.subscription_id
 WHERE b.customer_id = $2 AND s.project_id = $1 AND s.status IN ('active', 'contracted') LIMIT 1)sql";

Error Closed(std::string_view what, std::string_view status) {
  Error e{ErrorCode::kConflict, std::string(what) + "_closed",
          fmt::format("the {} is {}: it cannot take this step", what, status), {}, {}};
  e.extra.emplace_back("status", fmt::format("\"{}\"", status));
  return e;
}

}  // namespace

DealService::DealService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                         customers::CustomerService& customers, inventory::InventoryService& inventory, LeadService& leads,
                         PriceService& prices, platform::Notifications& notifications)
    : db_(db), clock_(clock), audit_(audit), customers_(customers), inventory_(inventory), leads_(leads), prices_(prices),
      notifications_(notifications) {
  customers_.AddMergeHook([](db::Tx& tx, std::int64_t tenant, std::int64_t from, std::int64_t into) {
    tx.Execute(kMovePledges, tenant, from, into);
    tx.Execute(kMoveBuyers, tenant, from, into);
  });
}

void DealService::NameBuyers(db::Tx& tx, std::int64_t tenant_id, std::vector<Buyer>& buyers) {
  std::vector<std::int64_t> ids;
  for (const auto& b : buyers) ids.push_back(b.customer_id);
  const auto names = customers_.NamesOf(tx, tenant_id, ids);
  for (auto& b : buyers) {
    if (auto it = names.find(b.customer_id); it != names.end()) b.name = it->second;
  }
}

std::optional<Pledge> DealService::FindPledge(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindPledge, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  Pledge p = kPledgeColumns.Read(rows.front());
  p.customer_name = customers_.NamesOf(tx, tenant_id, {p.customer_id})[p.customer_id];
  if (p.unit_id) p.unit_code = inventory_.CodesOf(tx, tenant_id, {*p.unit_id})[*p.unit_id];
  return p;
}

std::optional<Subscription> DealService::FindSubscription(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindSubscription, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  Subscription s = kSubscriptionColumns.Read(rows.front());
  auto buyers = tx.Execute(kBuyers, s.id);
  for (std::size_t i = 0; i < buyers.size(); ++i) s.buyers.push_back({buyers[i].Int(0), buyers[i].Real(1), ""});
  NameBuyers(tx, tenant_id, s.buyers);
  s.unit_code = inventory_.CodesOf(tx, tenant_id, {s.unit_id})[s.unit_id];
  s.discounts = prices_.DiscountsOf(tx, s.id);
  const auto names = platform::directory::NamesOf(tx, tenant_id, {s.consultant_id});
  if (auto it = names.find(s.consultant_id); it != names.end()) s.consultant_name = it->second.Shown();
  return s;
}

std::optional<Contract> DealService::FindContract(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindContract, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  Contract c = kContractColumns.Read(rows.front());
  auto plan = tx.Execute(kInstalments, c.id);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto r = plan[i];
    c.plan.push_back({static_cast<int>(r.Int(0)), r.Text(1), kInstalmentKinds.Stored(r.Text(2)), r.Int(3), r.Int(4)});
  }
  auto buyers = tx.Execute(kBuyers, c.subscription_id);
  for (std::size_t i = 0; i < buyers.size(); ++i) c.buyers.push_back({buyers[i].Int(0), buyers[i].Real(1), ""});
  NameBuyers(tx, tenant_id, c.buyers);
  c.unit_code = inventory_.CodesOf(tx, tenant_id, {c.unit_id})[c.unit_id];
  return c;
}

Result<Pledge> DealService::PledgeFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto p = FindPledge(tx, actor.tenant_id, id);
  if (!p || !inventory_.ProjectFor(tx, actor, p->project_id)) return NotFound("no such pledge");
  return *p;
}

Result<Subscription> DealService::SubscriptionFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto s = FindSubscription(tx, actor.tenant_id, id);
  if (!s || !inventory_.ProjectFor(tx, actor, s->project_id)) return NotFound("no such subscription");
  return *s;
}

Result<Contract> DealService::ContractFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto c = FindContract(tx, actor.tenant_id, id);
  if (!c || !inventory_.ProjectFor(tx, actor, c->project_id)) return NotFound("no such contract");
  return *c;
}

Result<Pledge> DealService::CreatePledge(const RequestContext& ctx, const PledgeInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not take pledges");
  if (in.amount_cents <= 0) return FailField("amount_cents", "invalid_value");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Pledge> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    if (!customers_.CheckInScope(tx, actor, in.customer_id)) return FailField("customer_id", "not_found");
    if (in.lead_id) {
      auto lead = leads_.LeadFor(tx, actor, *in.lead_id);
      if (!lead || lead->project_id != in.project_id || lead->customer_id != in.customer_id) {
        return FailField("lead_id", "not_found");
      }
    }
    if (in.unit_id) {
      auto unit = inventory_.UnitFor(tx, actor, *in.unit_id);
      if (!unit || unit->project_id != in.project_id) return FailField("unit_id", "not_found");
      HEARTH_TRY(inventory_.MoveStatus(tx, ctx, *in.unit_id, {inventory::UnitStatus::kAvailable},
                                       inventory::UnitStatus::kPledged, "认筹"));
    }
    Pledge p{0, actor.tenant_id, in.project_id, project->org_unit_id, in.customer_id, in.unit_id, in.lead_id,
             actor.user_id, in.amount_cents, leads_.NextQueueNo(tx, actor.tenant_id, in.project_id),
             PledgeStatus::kActive, 1, now, now, "", std::nullopt};
    p.id = tx.Execute(kInsertPledge, p.tenant_id, p.project_id, p.org_unit_id, p.customer_id, p.unit_id, p.lead_id,
                      p.consultant_id, p.amount_cents, p.queue_no, now)
               .front()
               .Int(0);
    customers_.Share(tx, &ctx, actor.tenant_id, in.customer_id, project->org_unit_id, customers::ShareReason::kDeal, p.id);
    leads_.MarkStage(tx, actor.tenant_id, in.project_id, {in.customer_id}, Stage::kPledged, now);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, in.customer_id, now, "purchase", "pledge", p.id,
                               fmt::format("认筹 {}：{} 号，{}", project->name, p.queue_no, Yuan(p.amount_cents))},
                              actor.user_id);
    audit_.Record(tx, ctx, "pledge.created", "pledge", p.id, nullptr, ToJson(p));
    return *FindPledge(tx, actor.tenant_id, p.id);
  });
}

Result<Pledge> DealService::GetPledge(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return PledgeFor(tx, actor, id); });
}

Result<platform::Listing<Pledge>> DealService::ListPledges(const RequestContext& ctx, std::int64_t project_id,
                                                          const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Pledge>> {
    if (!inventory_.ProjectFor(tx, actor, project_id)) return FailField("project_id", "not_found");
    platform::Listing<Pledge> out;
    auto rows = tx.Execute(kPledgesOf, project_id, actor.tenant_id, page.after_id, page.limit + 1);
    std::vector<std::int64_t> customers, units;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out.items.push_back(kPledgeColumns.Read(rows[i]));
      customers.push_back(out.items.back().customer_id);
      if (out.items.back().unit_id) units.push_back(*out.items.back().unit_id);
    }
    out.next_cursor = TrimToPage(out.items, page, [](const Pledge& p) { return p.queue_no; });
    const auto names = customers_.NamesOf(tx, actor.tenant_id, customers);
    const auto codes = inventory_.CodesOf(tx, actor.tenant_id, units);
    for (auto& p : out.items) {
      if (auto it = names.find(p.customer_id); it != names.end()) p.customer_name = it->second;
      if (p.unit_id) {
        if (auto it = codes.find(*p.unit_id); it != codes.end()) p.unit_code = it->second;
      }
    }
    return out;
  });
}

Result<Pledge> DealService::RefundPledge(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not refund pledges");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Pledge> {
    HEARTH_ASSIGN(Pledge p, PledgeFor(tx, actor, id));
    if (p.status != PledgeStatus::kActive) return tl::unexpected(Closed("pledge", kPledgeStatuses.Name(p.status)));
    if (tx.Execute(kPledgeStatus, p.id, PledgeStatus::kActive, PledgeStatus::kRefunded, now).affected != 1) {
      return tl::unexpected(Closed("pledge", "changed"));
    }
    if (p.unit_id) {
      // The unit it held is for sale again (unless a subscription took it meanwhile).
      (void)inventory_.MoveStatus(tx, ctx, *p.unit_id, {inventory::UnitStatus::kPledged}, inventory::UnitStatus::kAvailable,
                                  fmt::format("退筹（{} 号）", p.queue_no));
    }
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, p.customer_id, now, "purchase", "pledge", p.id, fmt::format("退筹：{} 号", p.queue_no)},
                              actor.user_id);
    audit_.Record(tx, ctx, "pledge.refunded", "pledge", p.id, nullptr, nullptr);
    return *FindPledge(tx, actor.tenant_id, p.id);
  });
}

Result<Subscription> DealService::Subscribe(const RequestContext& ctx, const SubscriptionInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not take subscriptions");
  HEARTH_TRY(CheckBuyers(in.buyers));
  if (in.price_cents <= 0) return FailField("price_cents", "invalid_value");
  if (in.deposit_cents < 0 || in.deposit_cents > in.price_cents) return FailField("deposit_cents", "invalid_value");
  const Timestamp now = clock_.Now();
  return subscriptions_.Submit([&](db::Tx& tx) -> Result<Subscription> {
    auto unit = inventory_.UnitFor(tx, actor, in.unit_id);
    if (!unit) return FailField("unit_id", "not_found");
    HEARTH_ASSIGN(const auto project, inventory_.ProjectFor(tx, actor, unit->project_id));
    for (std::size_t i = 0; i < in.buyers.size(); ++i) {
      if (!customers_.CheckInScope(tx, actor, in.buyers[i].customer_id)) {
        return FailField("buyers[" + std::to_string(i) + "].customer_id", "not_found");
      }
    }
    if (in.lead_id) {
      auto lead = leads_.LeadFor(tx, actor, *in.lead_id);
      if (!lead || lead->project_id != unit->project_id) return FailField("lead_id", "not_found");
    }
    std::optional<Pledge> pledge;
    if (in.pledge_id) {
      auto found = PledgeFor(tx, actor, *in.pledge_id);
      if (!found || found->project_id != unit->project_id) return FailField("pledge_id", "not_found");
      if (found->status != PledgeStatus::kActive) return FailField("pledge_id", "not_active");
      pledge = *found;
    }
    // The compare-and-set on the unit: of concurrent subscriptions, one moves it.
    HEARTH_TRY(inventory_.MoveStatus(tx, ctx, in.unit_id, {inventory::UnitStatus::kAvailable, inventory::UnitStatus::kPledged},
                                     inventory::UnitStatus::kSubscribed, "认购"));
    HEARTH_ASSIGN(const Pricing pricing, prices_.PriceSubscription(tx, actor, *unit, in.price_cents, in.discount_scheme_ids, Today()));
    Subscription s{0, actor.tenant_id, unit->project_id, project.org_unit_id, in.unit_id, in.lead_id, in.pledge_id,
                   actor.user_id, in.price_cents, in.deposit_cents, SubscriptionStatus::kActive, 1, now, now,
                   in.buyers, unit->code, ""};
    s.id = tx.Execute(kInsertSubscription, s.tenant_id, s.project_id, s.org_unit_id, s.unit_id, s.lead_id, s.pledge_id,
                      s.consultant_id, s.price_cents, s.deposit_cents, now, pricing.list_price_cents,
                      pricing.scheme_price_cents, pricing.floor_cents, pricing.approval)
               .front()
               .Int(0);
    prices_.RecordDiscounts(tx, actor.tenant_id, s.id, pricing, now);
    if (pricing.approval == PriceApproval::kPending) {
      notifications_.Notify(tx, actor.tenant_id, platform::Notifications::UsersWithRole(tx, project.org_unit_id, {"manager"}),
                            "sales.price_approval", fmt::format("底价审批：{} {}", project.name, unit->code),
                            fmt::format("认购价 {} 低于底价 {}（表价 {}），请审批。", Yuan(in.price_cents), Yuan(pricing.floor_cents),
                                        Yuan(pricing.list_price_cents)),
                            "subscription", s.id);
    }
    for (const auto& b : in.buyers) {
      tx.Execute(kInsertBuyer, actor.tenant_id, s.id, b.customer_id, b.share, now);
      customers_.Share(tx, &ctx, actor.tenant_id, b.customer_id, project.org_unit_id, customers::ShareReason::kDeal, s.id);
      customers_.AppendTimeline(tx, actor.tenant_id,
                                {0, b.customer_id, now, "purchase", "subscription", s.id,
                                 fmt::format("认购 {} {}：{}", project.name, unit->code, Yuan(in.price_cents))},
                                actor.user_id);
    }
    if (pledge) tx.Execute(kPledgeStatus, pledge->id, PledgeStatus::kActive, PledgeStatus::kConverted, now);
    std::vector<std::int64_t> buyers;
    for (const auto& b : in.buyers) buyers.push_back(b.customer_id);
    leads_.MarkStage(tx, actor.tenant_id, s.project_id, buyers, Stage::kSubscribed, now);
    audit_.Record(tx, ctx, "subscription.created", "subscription", s.id, nullptr,
                  boost::json::object{{"unit_id", s.unit_id}, {"price_cents", s.price_cents}, {"buyers", s.buyers.size()},
                                      {"list_price_cents", pricing.list_price_cents}, {"floor_cents", pricing.floor_cents},
                                      {"approval", WordOf(pricing.approval)}});
    return *FindSubscription(tx, actor.tenant_id, s.id);
  });
}

Result<Subscription> DealService::GetSubscription(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return SubscriptionFor(tx, actor, id); });
}

Result<platform::Listing<Subscription>> DealService::ListSubscriptions(const RequestContext& ctx,
                                                                      const SubscriptionFilter& f, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  if (!f.project_id && !f.approval) return FailField("project_id", "required");
  const std::optional<std::string> approval =
      f.approval ? std::optional<std::string>(std::string(WordOf(*f.approval))) : std::nullopt;
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Subscription>> {
    if (f.project_id && !inventory_.ProjectFor(tx, actor, *f.project_id)) return FailField("project_id", "not_found");
    platform::Listing<Subscription> out;
    auto rows = f.project_id
                    ? tx.Execute(kSubscriptionsOf, *f.project_id, actor.tenant_id, page.after_id, page.limit + 1, approval)
                    : tx.Execute(kSubscriptionsByApproval, actor.tenant_id, *approval,
                                 (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", page.after_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(*FindSubscription(tx, actor.tenant_id, rows[i].Int(0)));
    out.next_cursor = TrimToPage(out.items, page, [](const Subscription& s) { return s.id; });
    return out;
  });
}

Result<Subscription> DealService::CancelSubscription(const RequestContext& ctx, std::int64_t id, const std::string& reason) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not cancel subscriptions");
  return db_.Transact([&](db::Tx& tx) -> Result<Subscription> {
    HEARTH_ASSIGN(Subscription s, SubscriptionFor(tx, actor, id));
    if (s.consultant_id != actor.user_id && !actor.IsManager()) {
      return Forbidden("the subscription is another consultant's: a manager may cancel it");
    }
    if (s.status != SubscriptionStatus::kActive) {
      return tl::unexpected(Closed("subscription", kSubscriptionStatuses.Name(s.status)));
    }
    HEARTH_TRY(Release(tx, ctx, s, "退订：" + reason));
    audit_.Record(tx, ctx, "subscription.cancelled", "subscription", s.id, nullptr, boost::json::object{{"reason", reason}});
    return *FindSubscription(tx, actor.tenant_id, s.id);
  });
}

Result<void> DealService::Release(db::Tx& tx, const RequestContext& ctx, const Subscription& s, const std::string& why) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  if (tx.Execute(kSubscriptionStatus, s.id, SubscriptionStatus::kActive, SubscriptionStatus::kCancelled, now).affected != 1) {
    return tl::unexpected(Closed("subscription", "changed"));
  }
  HEARTH_TRY(inventory_.MoveStatus(tx, ctx, s.unit_id, {inventory::UnitStatus::kSubscribed}, inventory::UnitStatus::kAvailable, why));
  prices_.ReleaseDiscounts(tx, s.id);
  for (const auto& b : s.buyers) {
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, b.customer_id, now, "purchase", "subscription", s.id, fmt::format("{} {}", s.unit_code, why)},
                              actor.user_id);
  }
  return {};
}

Result<Subscription> DealService::DecidePrice(const RequestContext& ctx, std::int64_t id, bool approve, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager decides prices below the floor");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Subscription> {
    HEARTH_ASSIGN(const Subscription s, SubscriptionFor(tx, actor, id));
    const PriceApproval to = approve ? PriceApproval::kApproved : PriceApproval::kRejected;
    if (tx.Execute(kSubscriptionApproval, s.id, to, actor.user_id, now, note).affected != 1) {
      Error e{ErrorCode::kConflict, "invalid_transition",
              s.approval == PriceApproval::kPending ? "the subscription is no longer active" : "no price waits for a decision",
              {}, {}};
      e.extra.emplace_back("approval", fmt::format("\"{}\"", WordOf(s.approval)));
      return Fail(std::move(e));
    }
    if (!approve) HEARTH_TRY(Release(tx, ctx, s, "底价审批未通过" + (note.empty() ? std::string() : "：" + note)));
    notifications_.Notify(tx, actor.tenant_id, {s.consultant_id}, "sales.price_decided",
                          fmt::format("底价审批{}：{}", approve ? "已通过" : "未通过", s.unit_code),
                          fmt::format("{} 的认购价 {}{}{}", s.unit_code, Yuan(s.price_cents), approve ? "已获批准，可以签约" : "未获批准，认购已取消",
                                      note.empty() ? "" : "。" + note.substr(0, 200)),
                          "subscription", s.id);
    audit_.Record(tx, ctx, approve ? "subscription.price_approved" : "subscription.price_rejected", "subscription", s.id,
                  boost::json::object{{"approval", "pending"}},
                  boost::json::object{{"approval", WordOf(to)}, {"price_cents", s.price_cents}, {"floor_cents", s.floor_cents},
                                      {"note", note}});
    return *FindSubscription(tx, actor.tenant_id, s.id);
  });
}

Result<Contract> DealService::Sign(const RequestContext& ctx, const ContractInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not sign contracts");
  if (in.total_cents <= 0) return FailField("total_cents", "invalid_value");
  if (!ParseIsoDate(in.signed_on)) return FailField("signed_on", "invalid_format");
  HEARTH_TRY(CheckPlan(in.plan, in.total_cents));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Contract> {
    auto found = SubscriptionFor(tx, actor, in.subscription_id);
    if (!found) return FailField("subscription_id", "not_found");
    const Subscription& s = *found;
    if (s.consultant_id != actor.user_id && !actor.IsManager()) {
      return Forbidden("the subscription is another consultant's: they or a manager sign its contract");
    }
    if (s.status != SubscriptionStatus::kActive) return tl::unexpected(Closed("subscription", kSubscriptionStatuses.Name(s.status)));
    if (s.approval == PriceApproval::kPending) {
      return Fail(ErrorCode::kConflict, "price_approval_pending",
                  "the price is below the floor: a manager approves it before the contract is signed");
    }
    if (!sign_checks_.empty()) {
      std::vector<std::int64_t> buyers;
      for (const auto& b : s.buyers) buyers.push_back(b.customer_id);
      for (const auto& check : sign_checks_) HEARTH_TRY(check(tx, actor, s.project_id, buyers));
    }
    if (tx.Execute(kSubscriptionStatus, s.id, SubscriptionStatus::kActive, SubscriptionStatus::kContracted, now).affected != 1) {
      return tl::unexpected(Closed("subscription", "changed"));
    }
    HEARTH_TRY(inventory_.MoveStatus(tx, ctx, s.unit_id, {inventory::UnitStatus::kSubscribed},
                                     inventory::UnitStatus::kContracted, "签约 " + in.contract_no));
    const std::int64_t id = tx.Execute(kInsertContract, actor.tenant_id, s.project_id, s.org_unit_id, s.unit_id, s.id,
                                       in.contract_no, in.signed_on, in.total_cents, now)
                                .front()
                                .Int(0);
    for (std::size_t i = 0; i < in.plan.size(); ++i) {
      const auto& line = in.plan[i];
      tx.Execute(kInsertInstalment, actor.tenant_id, id, static_cast<std::int64_t>(i + 1), line.due_on, line.kind,
                 line.amount_cents, now);
    }
    // The buyers become the unit's owners (the inventory's owners, shared with the project's staff).
    std::vector<std::int64_t> buyers;
    for (const auto& b : s.buyers) {
      HEARTH_TRY(inventory_.SetOwner(ctx, s.unit_id, b.customer_id, b.share));
      buyers.push_back(b.customer_id);
      customers_.AppendTimeline(tx, actor.tenant_id,
                                {0, b.customer_id, now, "purchase", "contract", id,
                                 fmt::format("签约 {}：合同 {}，{}", s.unit_code, in.contract_no, Yuan(in.total_cents))},
                                actor.user_id);
    }
    leads_.MarkStage(tx, actor.tenant_id, s.project_id, buyers, Stage::kContracted, now);
    audit_.Record(tx, ctx, "contract.signed", "contract", id, nullptr,
                  boost::json::object{{"contract_no", in.contract_no}, {"unit_id", s.unit_id}, {"total_cents", in.total_cents}});
    Contract signed_contract = *FindContract(tx, actor.tenant_id, id);
    for (const auto& hook : contract_hooks_) hook(tx, ctx, signed_contract, ContractEvent::kSigned);
    return signed_contract;
  });
}

std::vector<DealService::SignedHome> DealService::SignedHomes(db::Tx& tx, std::int64_t tenant_id, std::int64_t after_contract_id,
                                                              int limit) {
  // A range of the primary key, page by page: `tenant_id + 0` keeps SQLite off the (tenant_id, …)
  // indexes, which made every page read and sort all the group's contracts (minutes at a million).
  static constexpr std::string_view kSigned = R"sql(
SELECT c.id, c.project_id, c.org_unit_id, c.unit_id, c.signed_on, b.customer_id
  FROM (SELECT id, project_id, org_unit_id, unit_id, signed_on, subscription_id FROM contracts
         WHERE id > $2 AND tenant_id + 0 = $1 AND status = 'signed' ORDER BY id LIMIT $3) c
  JOIN subscription_buyers b ON b.subscription_id = c.subscription_id
 ORDER BY c.id, b.customer_id)sql";
  std::vector<SignedHome> out;
  for (const auto& r : tx.Execute(kSigned, tenant_id, after_contract_id, limit)) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Text(4), r.Int(5)});
  }
  return out;
}

std::vector<DealService::SignedHome> DealService::SignedHomesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id) {
  static constexpr std::string_view kSignedOf = R"sql(
SELECT c.id, c.project_id, c.org_unit_id, c.unit_id, c.signed_on, b.customer_id
  FROM subscription_buyers b JOIN contracts c ON c.subscription_id = b.subscription_id
 WHERE b.customer_id = $2 AND c.tenant_id = $1 AND c.status = 'signed' ORDER BY c.id LIMIT 100)sql";
  std::vector<SignedHome> out;
  for (const auto& r : tx.Execute(kSignedOf, tenant_id, customer_id)) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Text(4), r.Int(5)});
  }
  return out;
}

std::map<std::int64_t, std::vector<std::string>> DealService::SignedOnOf(db::Tx& tx, std::int64_t tenant_id,
                                                                         const std::vector<std::int64_t>& customer_ids) {
  std::map<std::int64_t, std::vector<std::string>> out;
  db::SelectIn(tx, R"sql(
SELECT b.customer_id, c.signed_on FROM subscription_buyers b JOIN contracts c ON c.subscription_id = b.subscription_id
 WHERE c.tenant_id = $1 AND c.status = 'signed' AND b.customer_id IN ({}))sql", {tenant_id}, customer_ids,
               [&](const db::Row& r) { out[r.Int(0)].push_back(r.Text(1)); });
  return out;
}

bool DealService::HasOpenDeal(db::Tx& tx, std::int64_t project_id, std::int64_t customer_id) {
  return !tx.Execute(kOpenDealOf, project_id, customer_id).empty();
}

Result<Contract> DealService::GetContract(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return ContractFor(tx, actor, id); });
}

Result<platform::Listing<Contract>> DealService::ListContracts(const RequestContext& ctx, const ContractFilter& f,
                                                              const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = Today();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Contract>> {
    platform::Listing<Contract> out;
    auto rows = tx.Execute(kContracts, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%",
                           page.after_id, f.project_id, f.customer_id,
                           f.overdue ? std::optional<std::string>(today) : std::nullopt, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(*FindContract(tx, actor.tenant_id, rows[i].Int(0)));
    out.next_cursor = TrimToPage(out.items, page, [](const Contract& c) { return c.id; });
    return out;
  });
}

Result<std::pair<Payment, Contract>> DealService::Pay(const RequestContext& ctx, std::int64_t contract_id,
                                                      const PaymentInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not record payments");
  if (in.amount_cents <= 0) return FailField("amount_cents", "invalid_value");
  if (!ParseIsoDate(in.paid_on)) return FailField("paid_on", "invalid_format");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<std::pair<Payment, Contract>> {
    HEARTH_ASSIGN(Contract c, ContractFor(tx, actor, contract_id));
    if (c.status != ContractStatus::kSigned) return tl::unexpected(Closed("contract", kContractStatuses.Name(c.status)));
    std::vector<Instalment> plan = c.plan;
    if (!ApplyPayment(plan, in.amount_cents)) return FailField("amount_cents", "exceeds_balance");
    if (tx.Execute(kContractPaid, c.id, c.paid_cents + in.amount_cents, now, c.version).affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the contract was changed meanwhile; try again");
    }
    for (std::size_t i = 0; i < plan.size(); ++i) {
      if (plan[i].paid_cents != c.plan[i].paid_cents) tx.Execute(kInstalmentPaid, c.id, plan[i].seq, plan[i].paid_cents);
    }
    const auto n = tx.Execute(kPaymentCount, c.id).front().Int(0);
    Payment p{0, c.id, in.amount_cents, in.paid_on, in.method, fmt::format("{}-{:02}", c.contract_no, n + 1), actor.user_id, now};
    p.id = tx.Execute(kInsertPayment, actor.tenant_id, c.id, p.amount_cents, p.paid_on, p.method, p.receipt_no,
                      actor.user_id, now)
               .front()
               .Int(0);
    for (const auto& b : c.buyers) {
      customers_.AppendTimeline(tx, actor.tenant_id,
                                {0, b.customer_id, now, "purchase", "contract", c.id,
                                 fmt::format("回款 {}：{}（收据 {}）", c.contract_no, Yuan(p.amount_cents), p.receipt_no)},
                                actor.user_id);
    }
    audit_.Record(tx, ctx, "payment.recorded", "contract", c.id, nullptr,
                  boost::json::object{{"amount_cents", p.amount_cents}, {"receipt_no", p.receipt_no}});
    Contract paid = *FindContract(tx, actor.tenant_id, c.id);
    for (const auto& hook : contract_hooks_) hook(tx, ctx, paid, ContractEvent::kPaid);
    return std::make_pair(p, paid);
  });
}

Result<std::vector<Payment>> DealService::Payments(const RequestContext& ctx, std::int64_t contract_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Payment>> {
    HEARTH_TRY(ContractFor(tx, actor, contract_id));
    std::vector<Payment> out;
    auto rows = tx.Execute(kPayments, contract_id);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), kPaymentMethods.Stored(r.Text(4)), r.Text(5), r.Int(6), r.Time(7)});
    }
    return out;
  });
}

std::optional<ChangeOrder> DealService::FindChange(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindChange, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  ChangeOrder c = kChangeColumns.Read(rows.front());
  c.buyers = BuyersOf(c.buyers_json);
  NameBuyers(tx, tenant_id, c.buyers);
  const auto names = platform::directory::NamesOf(tx, tenant_id, {c.requested_by});
  if (auto it = names.find(c.requested_by); it != names.end()) c.requested_by_name = it->second.Shown();
  if (c.new_unit_id) c.new_unit_code = inventory_.CodesOf(tx, tenant_id, {*c.new_unit_id})[*c.new_unit_id];
  return c;
}

Result<void> DealService::CheckChange(db::Tx& tx, const Actor& actor, const Contract& c, const ChangeInput& in) {
  switch (in.kind) {
    case ChangeKind::kChangeUnit: {
      if (!in.new_unit_id) return FailField("new_unit_id", "required");
      auto unit = inventory_.UnitFor(tx, actor, *in.new_unit_id);
      if (!unit || unit->project_id != c.project_id || unit->id == c.unit_id) return FailField("new_unit_id", "not_found");
      if (unit->status != inventory::UnitStatus::kAvailable) return FailField("new_unit_id", "unavailable");
      return {};
    }
    case ChangeKind::kRename: {
      HEARTH_TRY(CheckBuyers(in.buyers));
      for (std::size_t i = 0; i < in.buyers.size(); ++i) {
        if (!customers_.CheckInScope(tx, actor, in.buyers[i].customer_id)) {
          return FailField("buyers[" + std::to_string(i) + "].customer_id", "not_found");
        }
      }
      return {};
    }
    case ChangeKind::kDiscount: {
      if (!in.discount_cents) return FailField("discount_cents", "required");
      std::vector<Instalment> plan = c.plan;
      if (*in.discount_cents <= 0) return FailField("discount_cents", "invalid_value");
      if (!ApplyDiscount(plan, *in.discount_cents)) return FailField("discount_cents", "exceeds_balance");
      return {};
    }
    case ChangeKind::kCancel:
      return {};
  }
  return {};
}

Result<ChangeOrder> DealService::RequestChange(const RequestContext& ctx, std::int64_t contract_id, const ChangeInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not request changes");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<ChangeOrder> {
    HEARTH_ASSIGN(Contract c, ContractFor(tx, actor, contract_id));
    if (c.status != ContractStatus::kSigned) return tl::unexpected(Closed("contract", kContractStatuses.Name(c.status)));
    HEARTH_TRY(CheckChange(tx, actor, c, in));
    const std::optional<std::string> buyers =
        in.kind == ChangeKind::kRename ? std::optional<std::string>(BuyersText(in.buyers)) : std::nullopt;
    const std::int64_t id =
        tx.Execute(kInsertChange, actor.tenant_id, c.project_id, c.org_unit_id, c.id, in.kind, in.reason,
                   in.kind == ChangeKind::kChangeUnit ? in.new_unit_id : std::nullopt, buyers,
                   in.kind == ChangeKind::kDiscount ? in.discount_cents : std::nullopt, actor.user_id, now)
            .front()
            .Int(0);
    audit_.Record(tx, ctx, "change_order.requested", "contract", c.id, nullptr,
                  boost::json::object{{"change_order", id}, {"kind", kChangeKinds.Name(in.kind)}, {"reason", in.reason}});
    ChangeOrder out = *FindChange(tx, actor.tenant_id, id);
    out.contract_no = c.contract_no;
    return out;
  });
}

Result<std::vector<ChangeOrder>> DealService::ChangesOf(const RequestContext& ctx, std::int64_t contract_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<ChangeOrder>> {
    HEARTH_ASSIGN(Contract c, ContractFor(tx, actor, contract_id));
    std::vector<ChangeOrder> out;
    auto rows = tx.Execute(kChangesOf, c.id);
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(*FindChange(tx, actor.tenant_id, rows[i].Int(0)));
    for (auto& change : out) change.contract_no = c.contract_no;
    return out;
  });
}

Result<platform::Listing<ChangeOrder>> DealService::ListChanges(const RequestContext& ctx, std::optional<ChangeStatus> status,
                                                               const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<ChangeOrder>> {
    platform::Listing<ChangeOrder> out;
    const std::optional<std::string> word = status ? std::optional<std::string>(std::string(WordOf(*status))) : std::nullopt;
    auto rows = tx.Execute(kChanges, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", word,
                           page.after_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(*FindChange(tx, actor.tenant_id, rows[i].Int(0)));
    out.next_cursor = TrimToPage(out.items, page, [](const ChangeOrder& c) { return c.id; });
    for (auto& change : out.items) {
      if (auto c = FindContract(tx, actor.tenant_id, change.contract_id)) change.contract_no = c->contract_no;
    }
    return out;
  });
}

Result<void> DealService::ApplyChange(db::Tx& tx, const RequestContext& ctx, const Contract& c, const ChangeOrder& change) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  const std::string what = fmt::format("{}（合同 {}）", kChangeKindLabels.Name(change.kind), c.contract_no);
  auto note = [&](const std::vector<Buyer>& buyers, const std::string& summary) {
    for (const auto& b : buyers) {
      customers_.AppendTimeline(tx, actor.tenant_id, {0, b.customer_id, now, "purchase", "contract", c.id, summary}, actor.user_id);
    }
  };
  switch (change.kind) {
    case ChangeKind::kCancel: {
      if (tx.Execute(kContractCancelled, c.id, now).affected != 1) return tl::unexpected(Closed("contract", "changed"));
      tx.Execute(kSubscriptionStatus, c.subscription_id, SubscriptionStatus::kContracted, SubscriptionStatus::kCancelled, now);
      for (const auto& b : c.buyers) (void)inventory_.RemoveOwner(ctx, c.unit_id, b.customer_id);
      HEARTH_TRY(inventory_.MoveStatus(tx, ctx, c.unit_id, {inventory::UnitStatus::kContracted}, inventory::UnitStatus::kAvailable, what));
      note(c.buyers, fmt::format("退房 {}：合同 {} 解除", c.unit_code, c.contract_no));
      for (const auto& hook : contract_hooks_) hook(tx, ctx, c, ContractEvent::kCancelled);
      return {};
    }
    case ChangeKind::kChangeUnit: {
      const std::int64_t to = *change.new_unit_id;
      auto unit = inventory_.UnitFor(tx, actor, to);
      if (!unit) return FailField("new_unit_id", "not_found");
      HEARTH_TRY(inventory_.MoveStatus(tx, ctx, to, {inventory::UnitStatus::kAvailable}, inventory::UnitStatus::kContracted, what));
      for (const auto& b : c.buyers) (void)inventory_.RemoveOwner(ctx, c.unit_id, b.customer_id);
      HEARTH_TRY(inventory_.MoveStatus(tx, ctx, c.unit_id, {inventory::UnitStatus::kContracted}, inventory::UnitStatus::kAvailable, what));
      tx.Execute(kContractUnit, c.id, to, now);
      tx.Execute(kSubscriptionUnit, c.subscription_id, to, now);
      for (const auto& b : c.buyers) HEARTH_TRY(inventory_.SetOwner(ctx, to, b.customer_id, b.share));
      note(c.buyers, fmt::format("换房：{} → {}（合同 {}）", c.unit_code, unit->code, c.contract_no));
      return {};
    }
    case ChangeKind::kRename: {
      for (const auto& b : c.buyers) (void)inventory_.RemoveOwner(ctx, c.unit_id, b.customer_id);
      tx.Execute(kDeleteBuyers, c.subscription_id);
      for (const auto& b : change.buyers) {
        tx.Execute(kInsertBuyer, actor.tenant_id, c.subscription_id, b.customer_id, b.share, now);
        HEARTH_TRY(inventory_.SetOwner(ctx, c.unit_id, b.customer_id, b.share));
      }
      std::vector<std::int64_t> ids;
      for (const auto& b : change.buyers) ids.push_back(b.customer_id);
      leads_.MarkStage(tx, actor.tenant_id, c.project_id, ids, Stage::kContracted, now);
      note(change.buyers, fmt::format("更名：{} 的买受人变更（合同 {}）", c.unit_code, c.contract_no));
      return {};
    }
    case ChangeKind::kDiscount: {
      std::vector<Instalment> plan = c.plan;
      if (!ApplyDiscount(plan, *change.discount_cents)) return FailField("discount_cents", "exceeds_balance");
      for (std::size_t i = 0; i < plan.size(); ++i) {
        if (plan[i].amount_cents == c.plan[i].amount_cents) continue;
        if (plan[i].amount_cents == 0) {
          tx.Execute(kInstalmentGone, c.id, plan[i].seq);
        } else {
          tx.Execute(kInstalmentAmount, c.id, plan[i].seq, plan[i].amount_cents);
        }
      }
      tx.Execute(kContractTotal, c.id, c.total_cents - *change.discount_cents, now);
      note(c.buyers, fmt::format("折扣：合同 {} 减 {}", c.contract_no, Yuan(*change.discount_cents)));
      return {};
    }
  }
  return {};
}

Result<ChangeOrder> DealService::DecideChange(const RequestContext& ctx, std::int64_t id, bool approve, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager decides change orders");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<ChangeOrder> {
    auto change = FindChange(tx, actor.tenant_id, id);
    if (!change || !inventory_.ProjectFor(tx, actor, change->project_id)) return NotFound("no such change order");
    if (change->status != ChangeStatus::kPending) return tl::unexpected(Closed("change", kChangeStatuses.Name(change->status)));
    HEARTH_ASSIGN(Contract c, ContractFor(tx, actor, change->contract_id));
    if (approve) {
      if (c.status != ContractStatus::kSigned) return tl::unexpected(Closed("contract", kContractStatuses.Name(c.status)));
      HEARTH_TRY(ApplyChange(tx, ctx, c, *change));
    }
    const ChangeStatus to = approve ? ChangeStatus::kApproved : ChangeStatus::kRejected;
    if (tx.Execute(kDecideChange, id, to, actor.user_id, now, note).affected != 1) {
      return tl::unexpected(Closed("change", "changed"));
    }
    audit_.Record(tx, ctx, approve ? "change_order.approved" : "change_order.rejected", "contract", c.id, nullptr,
                  boost::json::object{{"change_order", id}, {"kind", kChangeKinds.Name(change->kind)}, {"note", note}});
    ChangeOrder out = *FindChange(tx, actor.tenant_id, id);
    out.contract_no = c.contract_no;
    return out;
  });
}

}  // namespace hearth::sales
