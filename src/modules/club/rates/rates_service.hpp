#pragma once
// Members against non-members (会员与非会员): among owners, the shares who repurchased, who said
// they would buy again and who referred someone who signed — a pass over the group's customers a
// page at a time (homes, answers and referrals lent by inventory, surveys and sales), kept per
// org path so that each caller reads their scope.
#include <optional>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/referrals/referral_service.hpp"
#include "modules/surveys/results/results_service.hpp"

namespace hearth::club {

/// One side's counts: owners and how many of them did each thing.
struct RateCounts {
  std::int64_t owners = 0, repurchased = 0, answered = 0, would_rebuy = 0, referrers = 0;
};

struct ClubRates {
  RateCounts members, others;
  std::optional<Timestamp> computed_at;
};

class RatesService {
 public:
  RatesService(db::Database& db, const Clock& clock, customers::CustomerService& customers, inventory::InventoryService& inventory,
               sales::ReferralService& referrals, surveys::ResultsService& opinions)
      : db_(db), clock_(clock), customers_(customers), inventory_(inventory), referrals_(referrals), opinions_(opinions) {}

  /// The last computation, summed over the caller's scope.
  Result<ClubRates> Rates(const RequestContext& ctx);
  /// Managers compute them now (a pass over every customer of the group).
  Result<ClubRates> Recompute(const RequestContext& ctx);
  /// The pass (no scope check): the nightly job's and Recompute's work.
  void Compute(std::int64_t tenant_id);

 private:
  db::Database& db_;
  const Clock& clock_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  sales::ReferralService& referrals_;
  surveys::ResultsService& opinions_;
};

}  // namespace hearth::club
