#pragma once
// Reads what the segment rules and the value computation need of a page of customers: their
// homes, their latest lead's need type, the referees they brought who signed and their latest
// survey answer, each through the owning module's service in one range query per page.
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "modules/sales/referrals/referral_service.hpp"
#include "modules/segments/rules/facts.hpp"
#include "modules/surveys/results/results_service.hpp"

namespace hearth::segments {

/// A customer's facts, and the homes they were derived from.
struct CustomerFacts {
  std::int64_t id = 0;
  std::int64_t org_unit_id = 0;
  FactRow facts;
  std::vector<HomeRecord> homes;
  /// The projects where the customer has a home, each once.
  std::vector<std::int64_t> Projects() const;
};

class FactReader {
 public:
  FactReader(inventory::InventoryService& inventory, sales::LeadService& leads, sales::ReferralService& referrals,
             surveys::ResultsService& opinions)
      : inventory_(inventory), leads_(leads), referrals_(referrals), opinions_(opinions) {}

  /// The facts of a page of customers (ascending ids) on `today` (YYYY-MM-DD, China).
  std::vector<CustomerFacts> OfPage(db::Tx& tx, std::int64_t tenant_id, const std::vector<customers::Customer>& page,
                                    const std::string& today);

 private:
  inventory::InventoryService& inventory_;
  sales::LeadService& leads_;
  sales::ReferralService& referrals_;
  surveys::ResultsService& opinions_;
};

}  // namespace hearth::segments
