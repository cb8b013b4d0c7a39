// hearth demo, the sales part: the deals behind every unit the inventory's demo marked past 认筹
// (a lead, a pledge, a subscription, a contract with its payment plan and payments, as the unit's
// status says), and the launch's other leads: protected, lapsed into the pool, due for a follow-up.
#include <fmt/format.h>

#include <map>
#include <set>

#include "modules/sales/sales_module.hpp"
#include "platform/directory.hpp"

namespace hearth::sales {

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

constexpr std::string_view kInsertLead = R"sql(
INSERT INTO leads (tenant_id, project_id, org_unit_id, customer_id, consultant_id, source, intent, budget_cents, needs,
                   age_band, household, need_type, status, protected_until, registered_at, visits, last_follow_up_at,
                   next_follow_up_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, NULLIF($18, 0), $15, $15) RETURNING id)sql";
constexpr std::string_view kInsertFollowUp = R"sql(
INSERT INTO lead_follow_ups (tenant_id, lead_id, kind, note, next_at, actor_id, at, created_at, updated_at)
VALUES ($1, $2, $3, $4, NULLIF($5, 0), $6, $7, $7, $7))sql";
constexpr std::string_view kInsertPledge = R"sql(
INSERT INTO pledges (tenant_id, project_id, org_unit_id, customer_id, unit_id, lead_id, consultant_id, amount_cents,
                     queue_no, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id)sql";
constexpr std::string_view kInsertSubscription = R"sql(
INSERT INTO subscriptions (tenant_id, project_id, org_unit_id, unit_id, lead_id, pledge_id, consultant_id, price_cents,
                           deposit_cents, status, created_at, updated_at, list_price_cents, scheme_price_cents, floor_cents,
                           approval)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15) RETURNING id)sql";
// The project's discount schemes: 九八折 for paying at once, and an owners' referral amount.
constexpr std::string_view kInsertScheme = R"sql(
INSERT INTO discount_schemes (tenant_id, project_id, org_unit_id, name, percent_off_bp, amount_off_cents, max_uses, uses,
                              stackable, active, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, 0), $8, TRUE, TRUE, $9, $9) RETURNING id)sql";
constexpr std::string_view kInsertDiscount = R"sql(
INSERT INTO subscription_discounts (tenant_id, subscription_id, scheme_id, off_cents, created_at) VALUES ($1, $2, $3, $4, $5))sql";
// An applied adjustment of a month ago (+3%): its lines are the history of today's list prices.
constexpr std::string_view kInsertAdjustment = R"sql(
INSERT INTO price_adjustments (tenant_id, project_id, org_unit_id, name, reason, method, value, building, unit_count,
                               before_cents, after_cents, status, created_by, decided_by, decided_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, 'percent', 300, $6, 0, 0, 0, 'applied', $7, $7, $8, $8, $8) RETURNING id)sql";
constexpr std::string_view kInsertAdjustmentLine = R"sql(
INSERT INTO price_adjustment_lines (tenant_id, adjustment_id, unit_id, before_cents, after_cents, created_at)
VALUES ($1, $2, $3, $4, $5, $6))sql";
constexpr std::string_view kAdjustmentTotals = R"sql(
UPDATE price_adjustments SET unit_count = (SELECT count(*) FROM price_adjustment_lines WHERE adjustment_id = $1),
       before_cents = (SELECT coalesce(sum(before_cents), 0) FROM price_adjustment_lines WHERE adjustment_id = $1),
       after_cents = (SELECT coalesce(sum(after_cents), 0) FROM price_adjustment_lines WHERE adjustment_id = $1)
 WHERE id = $1)sql";
// 老带新: each referral lead of the project with the owner who brought them, earned when they signed.
constexpr std::string_view kReferralLeads = R"sql(
SELECT l.id, l.customer_id, l.consultant_id, l.registered_at,
       (SELECT max(c.id) FROM contracts c JOIN subscription_buyers b ON b.subscription_id = c.subscription_id
         WHERE c.project_id = l.project_id AND b.customer_id = l.customer_id), l.contracted_at
  FROM leads l WHERE l.project_id = $1 AND l.source = 'referral' ORDER BY l.id)sql";
constexpr std::string_view kInsertReferral = R"sql(
INSERT INTO referrals (tenant_id, project_id, org_unit_id, referrer_id, referee_id, lead_id, consultant_id, reward_cents,
                       status, contract_id, earned_at, paid_at, paid_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 500000, $8, $9, $10, $11, $12, $13, $13))sql";
constexpr std::string_view kInsertBuyer = R"sql(
INSERT INTO subscription_buyers (tenant_id, subscription_id, customer_id, share, created_at) VALUES ($1, $2, $3, 1, $4))sql";
constexpr std::string_view kInsertContract = R"sql(
INSERT INTO contracts (tenant_id, project_id, org_unit_id, unit_id, subscription_id, contract_no, signed_on, total_cents,
                       paid_cents, status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'signed', $10, $10) RETURNING id)sql";
constexpr std::string_view kInsertInstalment = R"sql(
INSERT INTO contract_instalments (tenant_id, contract_id, seq, due_on, kind, amount_cents, paid_cents, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8))sql";
constexpr std::string_view kInsertPayment = R"sql(
INSERT INTO payments (tenant_id, contract_id, amount_cents, paid_on, method, receipt_no, actor_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8))sql";
constexpr std::string_view kQueue = R"sql(
INSERT INTO sales_settings (tenant_id, project_id, last_queue_no, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
ON CONFLICT (project_id) DO UPDATE SET last_queue_no = excluded.last_queue_no)sql";

// How far each lead of the project went, from the deals made above.
constexpr std::string_view kLeadsPledged = R"sql(
UPDATE leads SET pledged_at = (SELECT min(p.created_at) FROM pledges p
                                WHERE p.project_id = leads.project_id AND p.customer_id = leads.customer_id)
 WHERE project_id = $1)sql";
constexpr std::string_view kLeadsSubscribed = R"sql(
UPDATE leads SET subscribed_at = (SELECT min(s.created_at) FROM subscriptions s JOIN subscription_buyers b ON b.subscription_id = s.id
                                   WHERE s.project_id = leads.project_id AND b.customer_id = leads.customer_id)
 WHERE project_id = $1)sql";
constexpr std::string_view kLeadsContracted = R"sql(
UPDATE leads SET contracted_at = (SELECT min(c.created_at) FROM contracts c JOIN subscription_buyers b ON b.subscription_id = c.subscription_id
                                   WHERE c.project_id = leads.project_id AND b.customer_id = leads.customer_id)
 WHERE project_id = $1)sql";

// The funnel's daily tally of the project's leads (what LeadService keeps as leads change).
constexpr std::string_view kFunnelDays = R"sql(
INSERT INTO lead_funnel_days (tenant_id, project_id, org_unit_id, day, source, consultant_id, leads, visits, pledges,
                              subscriptions, contracts, referral_contracts)
SELECT tenant_id, project_id, org_unit_id, (registered_at + 28800000) / 86400000, source, consultant_id, count(*),
       sum(CASE WHEN visits > 0 THEN 1 ELSE 0 END), count(pledged_at), count(subscribed_at), count(contracted_at),
       sum(CASE WHEN contracted_at IS NOT NULL AND source = 'referral' THEN 1 ELSE 0 END)
  FROM leads WHERE project_id = $1
 GROUP BY tenant_id, project_id, org_unit_id, (registered_at + 28800000) / 86400000, source, consultant_id)sql";

struct Rng {
  std::uint64_t state;
  std::uint64_t Next(std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % (n == 0 ? 1 : n);
  }
};

std::string Date(Timestamp t) { return FormatIsoDate((t.ms + 8 * 3600 * 1000) / kDay); }

}  // namespace

Result<void> AddDemoSales(SalesModule& module, platform::Demo& demo) {
  if (demo.projects.empty()) return {};
  std::int64_t leads_made = 0, contracts_made = 0, deals_made = 0, referrals_made = 0;
  HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
    Rng rng{demo.seed ^ 0x5a1e5ULL};
    const Timestamp now = module.clock.Now();
    const std::int64_t total_customers = demo.customers_before + demo.customers;
    if (total_customers <= 0) return {};
    const auto names = module.inventory.NamesOfProjects(tx, demo.tenant_id);
    std::map<std::int64_t, std::int64_t> owner_of;
    for (const auto& h : module.inventory.Homes(tx, demo.tenant_id)) owner_of.emplace(h.unit_id, h.customer_id);
    const char* needs[] = {"三房，近地铁，学区", "改善，要电梯洋房", "首套，总价300万以内", "投资，看重地段", "给父母买，低楼层"};
    for (const auto& [org_unit, name] : demo.projects) {
      std::int64_t project_id = 0;
      for (const auto& [id, project_name] : names) {
        if (project_name == name) project_id = id;
      }
      const auto company = platform::directory::ParentOf(tx, org_unit);
      const auto consultants = company ? platform::Notifications::UsersWithRole(tx, *company, {"sales"}) : std::vector<std::int64_t>{};
      if (project_id == 0 || consultants.empty()) continue;
      std::set<std::int64_t> with_lead;
      std::int64_t queue_no = 0, contract_seq = 0, cash_uses = 0;
      bool waiting_approval = false;
      std::vector<inventory::Unit> reprice_units;
      const Timestamp month_ago{now.ms - 30 * kDay};
      const std::int64_t cash_scheme = tx.Execute(kInsertScheme, demo.tenant_id, project_id, org_unit, "一次性付款九八折",
                                                  std::int64_t{200}, std::int64_t{0}, std::int64_t{0}, std::int64_t{0}, month_ago)
                                           .front()
                                           .Int(0);
      tx.Execute(kInsertScheme, demo.tenant_id, project_id, org_unit, "老业主推荐减2万", std::int64_t{0}, std::int64_t{2000000},
                 std::int64_t{50}, std::int64_t{0}, month_ago);
      auto customer = [&]() -> std::int64_t {
        for (int tries = 0; tries < 20; ++tries) {
          const std::int64_t id = 1 + static_cast<std::int64_t>(rng.Next(static_cast<std::uint64_t>(total_customers)));
          if (with_lead.contains(id)) continue;
          if (!module.customers.NamesOf(tx, demo.tenant_id, {id}).empty()) return id;
        }
        return 0;
      };
      auto lead = [&](std::int64_t customer_id, std::int64_t consultant, Timestamp at, LeadStatus status, int protect_days) {
        with_lead.insert(customer_id);
        const auto source = kLeadSources.values()[rng.Next(10) < 6 ? 1 : rng.Next(6)];
        const auto intent = kIntents.values()[status == LeadStatus::kWon ? 0 : rng.Next(4)];
        // A third of the active ones have a follow-up due within a day and a half.
        const bool due = status == LeadStatus::kActive && rng.Next(3) == 0;
        const std::int64_t next_ms = now.ms + static_cast<std::int64_t>(rng.Next(3)) * kDay / 2;
        const std::int64_t next = due ? next_ms : 0;  // NULLIF in the statements: none
        const std::int64_t id =
            tx.Execute(kInsertLead, demo.tenant_id, project_id, org_unit, customer_id, consultant, source, intent,
                       static_cast<std::int64_t>(200 + rng.Next(600)) * 1000000, needs[rng.Next(5)],
                       kAgeBands.values()[rng.Next(5)], kHouseholds.values()[rng.Next(6)], kNeedTypes.values()[rng.Next(6)],
                       status, Timestamp{at.ms + protect_days * kDay}, at, 1 + static_cast<std::int64_t>(rng.Next(3)),
                       std::optional<Timestamp>(Timestamp{at.ms + kDay}), next)
                .front()
                .Int(0);
        tx.Execute(kInsertFollowUp, demo.tenant_id, id, FollowUpKind::kWechat, "发了户型图和价格表", next, consultant,
                   Timestamp{at.ms + kDay});
        module.customers.Share(tx, nullptr, demo.tenant_id, customer_id, org_unit, customers::ShareReason::kDeal, id);
        module.customers.AppendTimeline(tx, demo.tenant_id,
                                        {0, customer_id, at, source == LeadSource::kCall ? "call" : "visit", "lead", id,
                                         fmt::format("{}登记：{}", source == LeadSource::kCall ? "来电" : "来访", name)},
                                        consultant);
        ++leads_made;
        return id;
      };
      for (const auto& u : module.inventory.UnitsOfProject(tx, demo.tenant_id, project_id)) {
        using inventory::UnitStatus;
        if (u.status == UnitStatus::kAvailable) continue;
        const bool sold = u.status == UnitStatus::kContracted || u.status == UnitStatus::kDelivered;
        std::int64_t buyer = 0;
        if (sold) {
          auto it = owner_of.find(u.id);
          if (it == owner_of.end()) continue;
          buyer = it->second;
        } else {
          buyer = customer();
        }
        if (buyer == 0) continue;
        const std::int64_t consultant = consultants[rng.Next(consultants.size())];
        // When they came: delivered homes were sold 13 to 17 months before their keys, contracts within
        // 15 months, subscriptions this month, pledges this week.
        const auto delivered_day = u.delivered_on ? ParseIsoDate(*u.delivered_on) : std::nullopt;
        const std::int64_t delivered_ago = delivered_day ? (now.ms + 8 * 3600 * 1000LL) / kDay - *delivered_day : 200;
        const std::int64_t days_ago = u.status == UnitStatus::kDelivered ? delivered_ago + 400 + static_cast<std::int64_t>(rng.Next(120))
                                      : sold                             ? 40 + static_cast<std::int64_t>(rng.Next(400))
                                      : u.status == UnitStatus::kSubscribed ? 5 + static_cast<std::int64_t>(rng.Next(25))
                                                                            : 1 + static_cast<std::int64_t>(rng.Next(9));
        const Timestamp at{now.ms - days_ago * kDay};
        const std::int64_t lead_id = with_lead.contains(buyer) ? 0 : lead(buyer, consultant, at, sold ? LeadStatus::kWon : LeadStatus::kActive, 30);
        const std::optional<std::int64_t> lead_ref = lead_id ? std::optional<std::int64_t>(lead_id) : std::nullopt;
        std::optional<std::int64_t> pledge;
        if (u.status == UnitStatus::kPledged || u.status == UnitStatus::kSubscribed) {
          pledge = tx.Execute(kInsertPledge, demo.tenant_id, project_id, org_unit, buyer, u.id, lead_ref, consultant,
                              std::int64_t{2000000}, ++queue_no,
                              u.status == UnitStatus::kPledged ? PledgeStatus::kActive : PledgeStatus::kConverted,
                              Timestamp{at.ms + kDay})
                       .front()
                       .Int(0);
          module.customers.AppendTimeline(tx, demo.tenant_id,
                                          {0, buyer, Timestamp{at.ms + kDay}, "purchase", "pledge", *pledge,
                                           fmt::format("认筹 {}：{} 号，¥20000.00", name, queue_no)},
                                          consultant);
        }
        if (u.status == UnitStatus::kPledged) continue;
        // 九八折 for paying at once; the first open subscription of each project bargained below the
        // floor and waits for the manager.
        const bool below_floor = !sold && !waiting_approval;
        waiting_approval = waiting_approval || below_floor;
        const std::int64_t scheme_price = u.list_price_cents / 100 * 98;
        const std::int64_t price = below_floor ? u.list_price_cents / 100 * 92 : scheme_price;
        const Timestamp subscribed_at{at.ms + 3 * kDay};
        const std::int64_t sub = tx.Execute(kInsertSubscription, demo.tenant_id, project_id, org_unit, u.id, lead_ref, pledge,
                                            consultant, price, std::int64_t{5000000},
                                            sold ? SubscriptionStatus::kContracted : SubscriptionStatus::kActive, subscribed_at,
                                            u.list_price_cents, scheme_price, FloorOf(u.list_price_cents, 95),
                                            below_floor ? PriceApproval::kPending : PriceApproval::kNone)
                                     .front()
                                     .Int(0);
        tx.Execute(kInsertDiscount, demo.tenant_id, sub, cash_scheme, u.list_price_cents - scheme_price, subscribed_at);
        ++cash_uses;
        if (!sold && rng.Next(2) == 0) reprice_units.push_back(u);
        tx.Execute(kInsertBuyer, demo.tenant_id, sub, buyer, subscribed_at);
        module.customers.Share(tx, nullptr, demo.tenant_id, buyer, org_unit, customers::ShareReason::kDeal, sub);
        module.customers.AppendTimeline(tx, demo.tenant_id,
                                        {0, buyer, subscribed_at, "purchase", "subscription", sub,
                                         fmt::format("认购 {} {}：¥{:.2f}", name, u.code, price / 100.0)},
                                        consultant);
        ++deals_made;
        if (!sold) continue;
        // The contract: 30% down on signing, the mortgage two months later.
        const Timestamp signed_at{at.ms + 20 * kDay};
        const std::string signed_on = Date(signed_at), mortgage_on = Date(Timestamp{signed_at.ms + 60 * kDay});
        const std::string today = Date(now);
        const std::int64_t down = price / 10 * 3, mortgage = price - down;
        const bool down_paid = u.status == UnitStatus::kDelivered || rng.Next(10) < 9;
        const bool mortgage_paid = u.status == UnitStatus::kDelivered || (mortgage_on < today && rng.Next(10) < 8);
        const std::int64_t paid = (down_paid ? down : down / 2) + (mortgage_paid ? mortgage : 0);
        const std::string no = fmt::format("HT{}-{:05}", project_id, ++contract_seq);
        const std::int64_t contract = tx.Execute(kInsertContract, demo.tenant_id, project_id, org_unit, u.id, sub, no, signed_on,
                                                 price, paid, signed_at)
                                          .front()
                                          .Int(0);
        tx.Execute(kInsertInstalment, demo.tenant_id, contract, std::int64_t{1}, signed_on, InstalmentKind::kDownPayment, down,
                   down_paid ? down : down / 2, signed_at);
        tx.Execute(kInsertInstalment, demo.tenant_id, contract, std::int64_t{2}, mortgage_on, InstalmentKind::kMortgage, mortgage,
                   mortgage_paid ? mortgage : 0, signed_at);
        tx.Execute(kInsertPayment, demo.tenant_id, contract, down_paid ? down : down / 2, signed_on, PaymentMethod::kBankTransfer,
                   no + "-01", consultant, signed_at);
        if (mortgage_paid) {
          tx.Execute(kInsertPayment, demo.tenant_id, contract, mortgage, mortgage_on, PaymentMethod::kMortgageLoan, no + "-02",
                     consultant, Timestamp{signed_at.ms + 60 * kDay});
        }
        module.customers.AppendTimeline(tx, demo.tenant_id,
                                        {0, buyer, signed_at, "purchase", "contract", contract,
                                         fmt::format("签约 {}：合同 {}，¥{:.2f}", u.code, no, price / 100.0)},
                                        consultant);
        // Late payers get their dunning task, and every open due date its check.
        if (auto signed_contract = module.deals.ContractOf(tx, demo.tenant_id, contract)) module.collections.Track(tx, *signed_contract, false);
        ++contracts_made;
      }
      tx.Execute(kQueue, demo.tenant_id, project_id, queue_no, now);
      tx.Execute("UPDATE discount_schemes SET uses = $2 WHERE id = $1", cash_scheme, cash_uses);
      // A month ago the unsold units went up 3% (the lines of one applied adjustment; the units of
      // open deals among them too, which were unsold then).
      const std::int64_t adjustment =
          tx.Execute(kInsertAdjustment, demo.tenant_id, project_id, org_unit, "首开后调价", "首开去化超预期，上调3%",
                     std::optional<std::string>(), consultants.front(), month_ago)
              .front()
              .Int(0);
      for (const auto& u : module.inventory.UnitsOfProject(tx, demo.tenant_id, project_id)) {
        if (u.status != inventory::UnitStatus::kAvailable || u.list_price_cents <= 0) continue;
        tx.Execute(kInsertAdjustmentLine, demo.tenant_id, adjustment, u.id, u.list_price_cents * 100 / 103 / 100 * 100,
                   u.list_price_cents, month_ago);
      }
      for (const auto& u : reprice_units) {
        tx.Execute(kInsertAdjustmentLine, demo.tenant_id, adjustment, u.id, u.list_price_cents * 100 / 103 / 100 * 100,
                   u.list_price_cents, month_ago);
      }
      tx.Execute(kAdjustmentTotals, adjustment);
      for (const auto sql : {kLeadsPledged, kLeadsSubscribed, kLeadsContracted, kFunnelDays}) tx.Execute(sql, project_id);
      // The launch's other visitors and callers: most still protected, some lapsed into the pool.
      for (int i = 0; i < 40; ++i) {
        const std::int64_t who = customer();
        if (who == 0) continue;
        const std::int64_t days_ago = static_cast<std::int64_t>(rng.Next(45));
        lead(who, consultants[rng.Next(consultants.size())], Timestamp{now.ms - days_ago * kDay - static_cast<std::int64_t>(rng.Next(kDay))},
             LeadStatus::kActive, rng.Next(3) == 0 ? 15 : 30);
      }
      // 老带新: every referral lead was brought by an owner of the group; the reward is earned when
      // they signed and paid for half of those.
      std::vector<std::int64_t> owners;
      for (const auto& [unit, owner] : owner_of) owners.push_back(owner);
      const auto referral_leads = tx.Execute(kReferralLeads, project_id);
      for (std::size_t i = 0; i < referral_leads.size() && !owners.empty(); ++i) {
        const auto r = referral_leads[i];
        const std::int64_t referee = r.Int(1);
        const std::int64_t referrer = owners[rng.Next(owners.size())];
        if (referrer == referee) continue;
        const auto signed_at = r.OptTime(5);
        const auto contract = signed_at ? r.OptInt(4) : std::nullopt;
        const bool paid = contract && rng.Next(2) == 0;
        const ReferralStatus status = !contract ? ReferralStatus::kPending : paid ? ReferralStatus::kPaid : ReferralStatus::kEarned;
        const std::optional<Timestamp> paid_at = paid ? std::optional<Timestamp>(Timestamp{signed_at->ms + 15 * kDay}) : std::nullopt;
        const std::optional<std::int64_t> paid_by = paid ? std::optional<std::int64_t>(r.Int(2)) : std::nullopt;
        tx.Execute(kInsertReferral, demo.tenant_id, project_id, org_unit, referrer, referee, r.Int(0), r.Int(2), status, contract,
                   contract ? signed_at : std::nullopt, paid_at, paid_by, r.Time(3));
        module.customers.Share(tx, nullptr, demo.tenant_id, referrer, org_unit, customers::ShareReason::kDeal, r.Int(0));
        ++referrals_made;
      }
    }
    return {};
  }));
  demo.made.push_back(fmt::format("{} leads, {} subscriptions, {} contracts and {} referrals", leads_made, deals_made,
                                  contracts_made, referrals_made));
  return {};
}

}  // namespace hearth::sales
