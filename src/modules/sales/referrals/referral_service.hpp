#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/deals/deal_service.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "modules/sales/referrals/referral.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"

namespace hearth::sales {

/// POST /api/v1/referrals.
struct ReferralInput {
  std::int64_t referrer_id = 0;
  std::int64_t referee_id = 0;
  std::int64_t project_id = 0;
  std::optional<std::int64_t> consultant_id;  ///< whose lead the referee becomes (a manager's choice); the caller
  Intent intent = Intent::kB;
  std::string note;
};

struct ReferralFilter {
  std::optional<std::int64_t> project_id;
  std::optional<ReferralStatus> status;
  std::optional<std::int64_t> referrer_id;
  std::optional<std::int64_t> customer_id;  ///< as referrer or referee
};

/// 老带新: an owner refers a friend to a project. The fraud checks refuse a referral (422
/// referral_invalid with the reason) before anything is written; an accepted one makes the
/// referee the consultant's lead with source referral. The reward, fixed from the project's
/// rules, is earned when the referee's contract is signed (in the same transaction, through the
/// deal chain's contract hook), back to pending if that contract is cancelled before it is paid,
/// and paid by a manager.
class ReferralService {
 public:
  ReferralService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                  platform::Notifications& notifications, customers::CustomerService& customers,
                  inventory::InventoryService& inventory, LeadService& leads, DealService& deals);

  Result<Referral> Create(const RequestContext& ctx, const ReferralInput& input);
  /// When each of `referrer_ids` referred someone, by referrer (the surveys check stated intent
  /// to recommend against it; no scope check).
  std::map<std::int64_t, std::vector<Timestamp>> ReferredAt(db::Tx& tx, std::int64_t tenant_id,
                                                            const std::vector<std::int64_t>& referrer_ids);
  /// How many of the referees of each referrer in [first, last] signed (the reward earned or paid;
  /// the segments' referrals fact; no scope check).
  std::map<std::int64_t, std::int64_t> SignedReferralsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last);
  /// Another module's step when a referral's reward is earned (the referee signed) or withdrawn
  /// (退房), in that transaction (the club's points).
  using EarnedHook = std::function<void(db::Tx&, const Referral&, bool earned)>;
  void AddEarnedHook(EarnedHook hook) { earned_hooks_.push_back(std::move(hook)); }
  Result<Referral> Get(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Referral>> List(const RequestContext& ctx, const ReferralFilter& filter, const Page& page);
  /// A manager pays an earned reward (409 invalid_transition otherwise).
  Result<Referral> Pay(const RequestContext& ctx, std::int64_t id, const std::string& note,
                       std::optional<std::int64_t> expected_version);

 private:
  std::optional<Referral> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<Referral> ReferralFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Referral>& referrals);
  Result<ReferralFacts> FactsOf(db::Tx& tx, const Actor& actor, const ReferralInput& in, std::int64_t consultant_id,
                                std::optional<Lead>& referee_lead, Timestamp now);
  void OnContract(db::Tx& tx, const RequestContext& ctx, const Contract& contract, bool signed_now);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::Notifications& notifications_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  LeadService& leads_;
  DealService& deals_;
  std::vector<EarnedHook> earned_hooks_;
};

}  // namespace hearth::sales
