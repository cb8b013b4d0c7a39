// The club module's wiring (the other modules' events that earn points) and its demo.
#include "modules/club/club_module.hpp"

#include <fmt/format.h>

namespace hearth::club {

ClubModule::ClubModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
                       inventory::InventoryModule& inventory, sales::SalesModule& sales, surveys::SurveysModule& surveys)
    : db(db), clock(clock), customers(customers.service), deals(sales.deals), members(db, clock, platform.audit, platform.jobs, customers.service),
      events(db, clock, platform.audit, members),
      rates(db, clock, customers.service, inventory.service, sales.referrals, surveys.results) {
  // A member who signs a contract earns the purchase points, each buyer once per contract.
  sales.deals.AddContractHook([this](db::Tx& tx, const RequestContext&, const sales::Contract& c, sales::DealService::ContractEvent e) {
    if (e != sales::DealService::ContractEvent::kSigned) return;
    for (const auto& b : c.buyers) {
      members.EarnFor(tx, c.tenant_id, b.customer_id, "purchase", fmt::format("contract:{}", c.id), "签约 " + c.contract_no);
    }
  });
  // A member whose referee signs earns the referral points (withdrawn rewards are left as earned:
  // the points may be spent already).
  sales.referrals.AddEarnedHook([this](db::Tx& tx, const sales::Referral& r, bool earned) {
    if (earned) members.EarnFor(tx, r.tenant_id, r.referrer_id, "referral", fmt::format("referral:{}", r.id), "推荐 " + r.referee_name + " 签约");
  });
  // A member who answers a survey earns the survey points, once per answer.
  surveys.waves.AddAnswerHook([this](db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, std::int64_t response_id,
                                     const std::string& title) {
    members.EarnFor(tx, tenant_id, customer_id, "survey", fmt::format("survey-response:{}", response_id), "回答「" + title + "」");
  });
}

}  // namespace hearth::club
