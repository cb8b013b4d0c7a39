#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/deals/deal_service.hpp"
#include "platform/audit.hpp"

namespace hearth::delivery {

/// 不利因素: one adverse factor of a project, published (or withdrawn).
struct AdverseFactor {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string title;
  std::string detail;
  std::string status;  ///< published | withdrawn
  std::int64_t created_by = 0;
  std::optional<std::string> withdraw_reason;
  std::optional<Timestamp> withdrawn_at;
  std::optional<std::int64_t> withdrawn_by;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string project_name = {};
  std::string created_by_name = {};
  std::optional<std::string> withdrawn_by_name = std::nullopt;
};
boost::json::object ToJson(const AdverseFactor& f);

/// A buyer's acknowledgement of the factors published when it was recorded.
struct DisclosureAck {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t customer_id = 0;
  std::vector<std::int64_t> factor_ids;
  std::string method;  ///< paper | onsite | online
  std::string note;
  std::int64_t recorded_by = 0;
  Timestamp created_at;
  std::string customer_name = {};
  std::string recorded_by_name = {};
};
boost::json::object ToJson(const DisclosureAck& a);

/// Which buyers have not acknowledged every published factor (pure): a buyer's latest
/// acknowledgement must cover each published factor's id.
std::vector<std::int64_t> Unacknowledged(const std::vector<std::int64_t>& published,
                                         const std::vector<std::int64_t>& buyers,
                                         const std::vector<DisclosureAck>& acks);

/// 不利因素公示: a project's adverse factors, published before selling, and each buyer's
/// acknowledgement, which the deal chain requires before a contract (409
/// disclosure_unacknowledged, through DealService::AddSignCheck).
class DisclosureService {
 public:
  DisclosureService(db::Database& db, const Clock& clock, platform::AuditLog& audit, customers::CustomerService& customers,
                    inventory::InventoryService& inventory, sales::DealService& deals);

  Result<AdverseFactor> Publish(const RequestContext& ctx, std::int64_t project_id, const std::string& title,
                                const std::string& detail);
  Result<AdverseFactor> Withdraw(const RequestContext& ctx, std::int64_t id, const std::string& reason);
  Result<std::vector<AdverseFactor>> Factors(const RequestContext& ctx, std::int64_t project_id, bool with_withdrawn);
  Result<DisclosureAck> Acknowledge(const RequestContext& ctx, std::int64_t project_id, std::int64_t customer_id,
                                    const std::string& method, const std::string& note);
  Result<std::vector<DisclosureAck>> Acks(const RequestContext& ctx, std::int64_t project_id,
                                          std::optional<std::int64_t> customer_id);

 private:
  std::vector<std::int64_t> Published(db::Tx& tx, std::int64_t project_id);
  std::vector<DisclosureAck> AcksOf(db::Tx& tx, std::int64_t project_id, std::optional<std::int64_t> customer_id);
  Result<void> CheckSigning(db::Tx& tx, const Actor& actor, std::int64_t project_id, const std::vector<std::int64_t>& buyers);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
};

}  // namespace hearth::delivery
