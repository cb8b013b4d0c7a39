#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/batches/batch_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"

namespace hearth::delivery {

/// A household's sign-up for a site open day, and its check-in on the day.
struct Signup {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t open_day_id = 0;
  std::int64_t project_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t party_size = 1;
  std::string note;
  std::string status;  ///< signed_up | checked_in | cancelled
  std::optional<Timestamp> checked_in_at;
  std::optional<std::int64_t> checked_in_by;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string customer_name = {};
  std::string unit_code = {};
  std::string created_by_name = {};
  std::optional<std::string> checked_in_by_name = std::nullopt;
};
boost::json::object ToJson(const Signup& s);

/// 工地开放日 sign-ups: an owner's household signs up (at the desk or on the phone) for an open day
/// of its project, taking a place while the day has room (a compare-and-set on the day's count:
/// 409 open_day_full), once per household (409 already_signed_up); on the day it checks in. Both
/// are on the owner's timeline. A vetoed or past open day takes no sign-ups.
class SignupService {
 public:
  SignupService(db::Database& db, const Clock& clock, platform::AuditLog& audit, customers::CustomerService& customers,
                inventory::InventoryService& inventory, BatchService& batches);

  Result<Signup> SignUp(const RequestContext& ctx, std::int64_t open_day_id, std::int64_t unit_id,
                        std::optional<std::int64_t> customer_id, std::int64_t party_size, const std::string& note);
  Result<platform::Listing<Signup>> Signups(const RequestContext& ctx, std::int64_t open_day_id, const Page& page);
  Result<Signup> CheckIn(const RequestContext& ctx, std::int64_t id);
  Result<Signup> Cancel(const RequestContext& ctx, std::int64_t id);

 private:
  Result<std::pair<Signup, OpenDay>> SignupFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Signup>& signups);
  Signup Reload(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  BatchService& batches_;
};

}  // namespace hearth::delivery
