#pragma once
// Lifetime value (客户终身价值): each company's assumptions, kept as data and inherited down the
// org tree, and a household's value computed live for its page (the segments' values are summed
// in their computation: SegmentService::Compute).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/segments/models/fact_reader.hpp"
#include "modules/segments/value/ltv.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"

namespace hearth::segments {

/// The assumptions that hold for an org unit, and where they come from.
struct AssumptionsView {
  std::int64_t org_unit_id = 0;
  std::string org_unit_name;
  std::optional<std::int64_t> source_unit_id;  ///< the unit whose row sets them; nullopt: the defaults
  std::string source_unit_name;
  int version = 0;        ///< the version of this unit's own row (0: it has none)
  bool editable = false;  ///< the caller may set this unit's assumptions
  ValueAssumptions assumptions;
};

/// A household's value as its page shows it.
struct CustomerValue {
  std::int64_t customer_id = 0;
  AssumptionsView assumptions;
  HouseholdValue value;
};

/// The assumptions of a group's units, read once: what holds for each org path.
class AssumptionsIndex {
 public:
  static AssumptionsIndex Load(db::Tx& tx, std::int64_t tenant_id);
  /// The nearest unit up `org_path` ("/1/4/9/") with a row, and its assumptions (nullopt: defaults).
  std::pair<std::optional<std::int64_t>, const ValueAssumptions*> For(const std::string& org_path) const;
  /// The row of this very unit, if any: (version, assumptions).
  const std::pair<int, ValueAssumptions>* Own(std::int64_t org_unit_id) const;

 private:
  std::map<std::int64_t, std::pair<int, ValueAssumptions>> rows_;
  ValueAssumptions defaults_;
};

class ValueService {
 public:
  ValueService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
               customers::CustomerService& customers, FactReader& facts);

  /// The assumptions of `org_unit_id` (default: the caller's unit): of the caller's unit, one above
  /// it or one below it.
  Result<AssumptionsView> Assumptions(const RequestContext& ctx, std::optional<std::int64_t> org_unit_id);
  /// Sets a unit's assumptions (managers, of their unit or below): the keys sent over what held
  /// before; every model computed again in the background.
  Result<AssumptionsView> SetAssumptions(const RequestContext& ctx, std::int64_t org_unit_id, const boost::json::object& body,
                                         std::optional<std::int64_t> if_match);
  /// Takes a unit's own assumptions away: it inherits again.
  Result<AssumptionsView> ClearAssumptions(const RequestContext& ctx, std::int64_t org_unit_id);
  /// A household's value today, explained.
  Result<CustomerValue> OfCustomer(const RequestContext& ctx, std::int64_t customer_id);

  /// Today in China, YYYY-MM-DD.
  std::string Today() const;

 private:
  Result<AssumptionsView> ViewOf(db::Tx& tx, const Actor& actor, std::int64_t org_unit_id);
  AssumptionsView Describe(db::Tx& tx, const Actor& actor, const AssumptionsIndex& index, std::int64_t org_unit_id,
                           const std::string& path);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  customers::CustomerService& customers_;
  FactReader& facts_;
};

}  // namespace hearth::segments
