#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/titles/title.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/audit.hpp"

namespace hearth::delivery {

/// A sold unit's property certificate: its step and the day of each, with the unit and its owners.
struct TitleCertificate {
  std::int64_t unit_id = 0;
  std::int64_t project_id = 0;
  TitleStage stage = TitleStage::kNotStarted;
  std::map<TitleStage, std::string> days;  ///< the day each recorded step was done
  std::optional<std::string> certificate_no;
  std::string note;
  std::optional<std::int64_t> actor_id;  ///< who recorded the last step
  std::int64_t version = 0;  ///< 0 while no step is recorded
  std::optional<Timestamp> updated_at;
  // From the unit.
  std::string unit_code;
  std::string unit_status;
  std::optional<std::string> delivered_on;
  std::vector<inventory::Owner> owners;
  std::optional<std::string> actor_name = std::nullopt;
};
boost::json::object ToJson(const TitleCertificate& t, std::int64_t today);

struct TitleFilter {
  std::int64_t project_id = 0;
  std::optional<TitleStage> stage;
  bool overdue_only = false;
};

/// A page of a project's sold units with their certificates, and the project's counts.
struct TitlePage {
  std::vector<TitleCertificate> items;
  std::optional<std::string> next_cursor;
  std::map<TitleStage, std::int64_t> by_stage;  ///< every sold unit of the project
  std::int64_t sold = 0;
  std::int64_t overdue = 0;
};

/// 产权办理: each contracted or delivered unit's property certificate, step by step in order
/// (TitleStage), each with its day; issuing records the certificate's number; the owners' timelines
/// note the certificate issued and handed over. A project's list counts the units at each step and
/// those overdue (delivered more than kTitlePromiseDays ago without a certificate).
class TitleService {
 public:
  TitleService(db::Database& db, const Clock& clock, platform::AuditLog& audit, customers::CustomerService& customers,
               inventory::InventoryService& inventory);

  Result<TitleCertificate> Get(const RequestContext& ctx, std::int64_t unit_id);
  Result<TitlePage> List(const RequestContext& ctx, const TitleFilter& filter, const Page& page);
  Result<TitleCertificate> Advance(const RequestContext& ctx, std::int64_t unit_id, TitleStage stage, const std::string& on,
                                   const std::optional<std::string>& certificate_no, const std::string& note,
                                   std::optional<std::int64_t> expected_version);
  std::int64_t Today() const;

 private:
  /// The unit's certificate as stored (nullopt: not started), without the unit's facts.
  std::optional<TitleCertificate> Stored(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id);
  TitleCertificate Complete(db::Tx& tx, const inventory::Unit& unit, std::optional<TitleCertificate> stored);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
};

}  // namespace hearth::delivery
