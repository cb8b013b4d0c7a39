#pragma once
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "db/read_replica.hpp"
#include "core/hidden.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/service/tickets/ticket.hpp"
#include "modules/service/config/service_config.hpp"

namespace hearth::service {

class ConfigService;
class TicketRepo;  // modules/service/tickets/ticket_repo.hpp: reports read tickets through it

/// The period of a report: China dates, both included.
struct ReportPeriod {
  ChinaDay first = 0;
  ChinaDay last = 0;
  std::optional<std::string> due_by;  ///< the half-month report is due the 18th, the month report the 3rd
};

/// "2026-11" (the month report) or "2026-11" with half 1 (1st–15th) or 2 (16th–end).
std::optional<ReportPeriod> MonthPeriod(const std::string& month, int half);

/// Ticket reports (PRODUCT.md module 5): counts by kind, status, grade, department, category
/// and project; SLA compliance (the same rule as sla_breached); average reply and resolution
/// times; call-back rate and satisfaction. Over the tickets created in the period, in scope.
class TicketReports {
 public:
  /// Reads `db`: a streaming replica when one is configured, else the primary.
  TicketReports(db::ReadReplica& db, const Clock& clock, ConfigService& config, inventory::InventoryService& inventory)
      : db_(db), clock_(clock), config_(config), inventory_(inventory) {}
  Result<boost::json::object> Report(const RequestContext& ctx, const ReportPeriod& period,
                                     std::optional<std::int64_t> project_id);

 private:
  db::ReadReplica& db_;
  const Clock& clock_;
  ConfigService& config_;                   ///< the category tree
  inventory::InventoryService& inventory_;  ///< project names (its tables, its SQL)
  Hidden<TicketRepo> repo_;
};

}  // namespace hearth::service
