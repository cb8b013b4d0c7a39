#include "modules/sales/referrals/referral_service.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/sales/sales_common.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::sales {

namespace {

const db::Columns<Referral> kColumns{
    {"id", &Referral::id},
    {"tenant_id", &Referral::tenant_id},
    {"project_id", &Referral::project_id},
    {"org_unit_id", &Referral::org_unit_id},
    {"referrer_id", &Referral::referrer_id},
    {"referee_id", &Referral::referee_id},
    {"lead_id", &Referral::lead_id},
    {"consultant_id", &Referral::consultant_id},
    {"reward_cents", &Referral::reward_cents},
    {"status", &Referral::status, kReferralStatuses},
    {"contract_id", &Referral::contract_id},
    {"earned_at", &Referral::earned_at},
    {"paid_at", &Referral::paid_at},
    {"paid_by", &Referral::paid_by},
    {"note", &Referral::note},
    {"version", &Referral::version},
    {"created_at", &Referral::created_at},
    {"updated_at", &Referral::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM referrals WHERE id = $1 AND tenant_id = $2";
const std::string kFindFor = "SELECT " + kColumns.List() + " FROM referrals WHERE project_id = $1 AND referee_id = $2";
// Newest first in the caller's scope; each filter optional, keyset on id.
const std::string kList = "SELECT " + kColumns.List("r") + " FROM referrals r" HEARTH_JOIN_ORG_UNIT("r") R"sql(
 WHERE r.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR r.id < $3)
   AND (CAST($4 AS BIGINT) IS NULL OR r.project_id = $4)
   AND (CAST($5 AS TEXT) IS NULL OR r.status = $5)
   AND (CAST($6 AS BIGINT) IS NULL OR r.referrer_id = $6)
   AND (CAST($7 AS BIGINT) IS NULL OR r.referrer_id = $7 OR r.referee_id = $7)
 ORDER BY r.id DESC LIMIT $8)sql";
constexpr std::string_view kInsert = R"sql(
INSERT INTO referrals (tenant_id, project_id, org_unit_id, referrer_id, referee_id, lead_id, consultant_id, reward_cents,
                       status, note, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $10) RETURNING id)sql";
// The referee's contract signed: the pending referral of each buyer is earned.
constexpr std::string_view kEarn = R"sql(
UPDATE referrals SET status = 'earned', contract_id = $3, earned_at = $4, version = version + 1, updated_at = $4
 WHERE project_id = $1 AND referee_id = $2 AND status = 'pending' RETURNING id)sql";
// The contract cancelled before the reward was paid: pending again.
constexpr std::string_view kUnearn = R"sql(
UPDATE referrals SET status = 'pending', contract_id = NULL, earned_at = NULL, version = version + 1, updated_at = $2
 WHERE contract_id = $1 AND status = 'earned' RETURNING id)sql";
constexpr std::string_view kPay = R"sql(
UPDATE referrals SET status = 'paid', paid_at = $3, paid_by = $4, note = $5, version = version + 1, updated_at = $3
 WHERE id = $1 AND tenant_id = $2 AND status = 'earned' AND (CAST($6 AS BIGINT) IS NULL OR version = $6))sql";
constexpr std::string_view kContractNo = "SELECT contract_no FROM contracts WHERE id = $1";

Error Invalid(ReferralReason reason, std::string detail = {}) {
  Error e{ErrorCode::kInvalidArgument, "referral_invalid",
          std::string(kReferralReasonLabels.Name(reason)) + (detail.empty() ? "" : "：" + detail),
          {{reason == ReferralReason::kReferrerNotOwner ? "referrer_id" : "referee_id", std::string(WordOf(reason))}},
          {}};
  e.extra.emplace_back("reason", fmt::format("\"{}\"", WordOf(reason)));
  return e;
}

}  // namespace

ReferralService::ReferralService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                                 platform::Notifications& notifications, customers::CustomerService& customers,
                                 inventory::InventoryService& inventory, LeadService& leads, DealService& deals)
    : db_(db), clock_(clock), audit_(audit), notifications_(notifications), customers_(customers), inventory_(inventory),
      leads_(leads), deals_(deals) {
  deals_.AddContractHook([this](db::Tx& tx, const RequestContext& ctx, const Contract& c, DealService::ContractEvent e) {
    if (e != DealService::ContractEvent::kPaid) OnContract(tx, ctx, c, e == DealService::ContractEvent::kSigned);
  });
}

std::optional<Referral> ReferralService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

Result<Referral> ReferralService::ReferralFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto r = Find(tx, actor.tenant_id, id);
  if (!r || !inventory_.ProjectFor(tx, actor, r->project_id)) return NotFound("no such referral");
  return *r;
}

void ReferralService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Referral>& referrals) {
  if (referrals.empty()) return;
  std::vector<std::int64_t> customers, users;
  for (const auto& r : referrals) {
    customers.push_back(r.referrer_id);
    customers.push_back(r.referee_id);
    users.push_back(r.consultant_id);
  }
  const auto cards = customers_.CardsOf(tx, tenant_id, customers);
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  for (auto& r : referrals) {
    if (auto it = cards.find(r.referrer_id); it != cards.end()) r.referrer_name = it->second.name;
    if (auto it = cards.find(r.referee_id); it != cards.end()) r.referee_name = it->second.name;
    if (auto it = names.find(r.consultant_id); it != names.end()) r.consultant_name = it->second.Shown();
    if (auto it = projects.find(r.project_id); it != projects.end()) r.project_name = it->second;
    if (r.contract_id) {
      auto rows = tx.Execute(kContractNo, *r.contract_id);
      if (!rows.empty()) r.contract_no = rows.front().Text(0);
    }
  }
}

Result<ReferralFacts> ReferralService::FactsOf(db::Tx& tx, const Actor& actor, const ReferralInput& in,
                                               std::int64_t consultant_id, std::optional<Lead>& referee_lead,
                                               Timestamp now) {
  auto referrer = customers_.CustomerFor(tx, actor, in.referrer_id);
  if (!referrer) return FailField("referrer_id", "not_found");
  auto referee = customers_.CustomerFor(tx, actor, in.referee_id);
  if (!referee) return FailField("referee_id", "not_found");
  ReferralFacts f;
  f.same_person = referrer->id == referee->id || referee->merged_into == referrer->id || referrer->merged_into == referee->id;
  f.referrer_owns_unit = inventory_.HomesOf(tx, actor.tenant_id, referrer->id) > 0;
  for (const auto& a : referrer->phones) {
    for (const auto& b : referee->phones) f.same_phone = f.same_phone || (!a.phone.empty() && a.phone == b.phone);
  }
  f.same_id_number = referrer->id_number && referee->id_number && !referrer->id_number->empty() &&
                     *referrer->id_number == *referee->id_number;
  f.same_household = inventory_.CoOwners(tx, actor.tenant_id, referrer->id, referee->id) ||
                     SameAddress(referrer->address.value_or(""), referee->address.value_or(""));
  f.referee_has_deal = deals_.HasOpenDeal(tx, in.project_id, referee->id);
  referee_lead = leads_.LeadOf(tx, in.project_id, referee->id);
  f.referee_protected_elsewhere = referee_lead && Protected(*referee_lead, now) && referee_lead->consultant_id != consultant_id;
  return f;
}

std::map<std::int64_t, std::vector<Timestamp>> ReferralService::ReferredAt(db::Tx& tx, std::int64_t tenant_id,
                                                                           const std::vector<std::int64_t>& referrer_ids) {
  std::map<std::int64_t, std::vector<Timestamp>> out;
  db::SelectIn(tx, "SELECT referrer_id, created_at FROM referrals WHERE tenant_id = $1 AND referrer_id IN ({})", {tenant_id},
               referrer_ids, [&](const db::Row& r) { out[r.Int(0)].push_back(r.Time(1)); });
  return out;
}

std::map<std::int64_t, std::int64_t> ReferralService::SignedReferralsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first,
                                                                        std::int64_t last) {
  std::map<std::int64_t, std::int64_t> out;
  const auto rows = tx.Execute(R"sql(SELECT referrer_id, count(*) FROM referrals
 WHERE referrer_id BETWEEN $2 AND $3 AND tenant_id = $1 AND status IN ('earned', 'paid') GROUP BY referrer_id)sql",
                               tenant_id, first, last);
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].Int(0)] = rows[i].Int(1);
  return out;
}

Result<Referral> ReferralService::Create(const RequestContext& ctx, const ReferralInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not register referrals");
  const std::int64_t consultant_id = in.consultant_id.value_or(actor.user_id);
  if (consultant_id != actor.user_id && !actor.IsManager()) return FailField("consultant_id", "not_allowed");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Referral> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    // The first referrer holds the referee (checked first: the most specific answer).
    if (auto rows = tx.Execute(kFindFor, in.project_id, in.referee_id); !rows.empty()) {
      const Referral first = kColumns.Read(rows.front());
      Error e{ErrorCode::kConflict, "referral_exists", "this customer was already referred to the project", {}, {}};
      e.extra.emplace_back("referral_id", std::to_string(first.id));
      return Fail(std::move(e));
    }
    std::optional<Lead> lead;
    HEARTH_ASSIGN(const ReferralFacts facts, FactsOf(tx, actor, in, consultant_id, lead, now));
    if (auto broken = JudgeReferral(facts)) {
      std::string detail;
      if (*broken == ReferralReason::kRefereeProtected) {
        detail = fmt::format("{}，保护期至 {}", leads_.ConsultantName(tx, actor.tenant_id, lead->consultant_id),
                             ChinaToday(lead->protected_until));
      }
      return Fail(Invalid(*broken, detail));
    }
    // The referee becomes the consultant's lead (registered now unless they already hold it).
    if (!lead || !Protected(*lead, now) || lead->status != LeadStatus::kActive) {
      LeadInput li;
      li.project_id = in.project_id;
      li.customer_id = in.referee_id;
      li.source = LeadSource::kReferral;
      li.intent = in.intent;
      li.needs = in.note;
      if (consultant_id != actor.user_id) li.consultant_id = consultant_id;
      HEARTH_TRY(leads_.Register(ctx, li));
      lead = leads_.LeadOf(tx, in.project_id, in.referee_id);
    }
    leads_.MarkReferred(tx, *lead, now);
    const SalesSettings settings = leads_.SettingsOf(tx, actor.tenant_id, in.project_id);
    const std::int64_t id = tx.Execute(kInsert, actor.tenant_id, in.project_id, project->org_unit_id, in.referrer_id,
                                       in.referee_id, lead->id, consultant_id, settings.referral_reward_cents, in.note, now)
                                .front()
                                .Int(0);
    // The project's staff see the referrer too: they pay the reward.
    customers_.Share(tx, &ctx, actor.tenant_id, in.referrer_id, project->org_unit_id, customers::ShareReason::kDeal, id);
    std::vector<Referral> one{*Find(tx, actor.tenant_id, id)};
    Name(tx, actor.tenant_id, one);
    const Referral& r = one.front();
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, r.referrer_id, now, "referral", "referral", r.id,
                               fmt::format("推荐 {} 到 {}（奖励 {}，签约后发放）", r.referee_name, r.project_name,
                                           Yuan(r.reward_cents))},
                              actor.user_id);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, r.referee_id, now, "referral", "referral", r.id,
                               fmt::format("由业主 {} 推荐到 {}", r.referrer_name, r.project_name)},
                              actor.user_id);
    audit_.Record(tx, ctx, "referral.created", "referral", r.id, nullptr, ToJson(r));
    return r;
  });
}

Result<Referral> ReferralService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Referral> {
    HEARTH_ASSIGN(Referral r, ReferralFor(tx, actor, id));
    std::vector<Referral> one{r};
    Name(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<platform::Listing<Referral>> ReferralService::List(const RequestContext& ctx, const ReferralFilter& f,
                                                          const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Referral>> {
    platform::Listing<Referral> out;
    const std::optional<std::string> status =
        f.status ? std::optional<std::string>(std::string(WordOf(*f.status))) : std::nullopt;
    auto rows = tx.Execute(kList, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%",
                           page.after_id, f.project_id, status, f.referrer_id, f.customer_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Referral& r) { return r.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<Referral> ReferralService::Pay(const RequestContext& ctx, std::int64_t id, const std::string& note,
                                      std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("only a manager pays referral rewards");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Referral> {
    HEARTH_ASSIGN(const Referral before, ReferralFor(tx, actor, id));
    if (expected_version && *expected_version != before.version) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the referral was changed by someone else; reload it");
    }
    if (before.status != ReferralStatus::kEarned) {
      Error e{ErrorCode::kConflict, "invalid_transition",
              before.status == ReferralStatus::kPaid ? "the reward was paid already"
                                                     : "the reward is due only when the referee's contract is signed",
              {}, {}};
      e.extra.emplace_back("status", fmt::format("\"{}\"", WordOf(before.status)));
      return Fail(std::move(e));
    }
    if (tx.Execute(kPay, id, actor.tenant_id, now, actor.user_id, note, expected_version).affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the referral was changed meanwhile; reload it");
    }
    std::vector<Referral> one{*Find(tx, actor.tenant_id, id)};
    Name(tx, actor.tenant_id, one);
    const Referral& r = one.front();
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, r.referrer_id, now, "referral", "referral", r.id,
                               fmt::format("推荐奖励已发放：{}（推荐 {}）", Yuan(r.reward_cents), r.referee_name)},
                              actor.user_id);
    audit_.Record(tx, ctx, "referral.paid", "referral", r.id, ToJson(before), ToJson(r));
    return r;
  });
}

void ReferralService::OnContract(db::Tx& tx, const RequestContext& ctx, const Contract& c, bool signed_now) {
  const Timestamp now = clock_.Now();
  std::vector<std::int64_t> changed;
  if (signed_now) {
    for (const auto& b : c.buyers) {
      auto rows = tx.Execute(kEarn, c.project_id, b.customer_id, c.id, now);
      for (std::size_t i = 0; i < rows.size(); ++i) changed.push_back(rows[i].Int(0));
    }
  } else {
    auto rows = tx.Execute(kUnearn, c.id, now);
    for (std::size_t i = 0; i < rows.size(); ++i) changed.push_back(rows[i].Int(0));
  }
  for (auto id : changed) {
    std::vector<Referral> one{*Find(tx, c.tenant_id, id)};
    Name(tx, c.tenant_id, one);
    const Referral& r = one.front();
    for (const auto& hook : earned_hooks_) hook(tx, r, signed_now);
    customers_.AppendTimeline(
        tx, c.tenant_id,
        {0, r.referrer_id, now, "referral", "referral", r.id,
         signed_now ? fmt::format("推荐奖励已达成：{} 签约（合同 {}），应发 {}", r.referee_name, c.contract_no, Yuan(r.reward_cents))
                    : fmt::format("推荐奖励撤回：{} 的合同 {} 已退房", r.referee_name, c.contract_no)},
        ctx.actor ? std::optional<std::int64_t>(ctx.actor->user_id) : std::nullopt);
    audit_.Record(tx, ctx, signed_now ? "referral.earned" : "referral.unearned", "referral", r.id, nullptr,
                  boost::json::object{{"contract_id", c.id}, {"reward_cents", r.reward_cents}});
    if (signed_now) {
      notifications_.Notify(tx, c.tenant_id, {r.consultant_id}, "sales.referral_earned",
                            fmt::format("推荐奖励待发放：{}", r.referrer_name),
                            fmt::format("{} 推荐的 {} 已签约（合同 {}），奖励 {} 待发放。", r.referrer_name, r.referee_name,
                                        c.contract_no, Yuan(r.reward_cents)),
                            "referral", r.id);
    }
  }
}

}  // namespace hearth::sales
