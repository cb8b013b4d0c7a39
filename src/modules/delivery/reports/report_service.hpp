#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/inventory/inventory_service.hpp"

namespace hearth::delivery {

/// What the customer centre reads about delivery across its parts, each one read of the module's
/// own tables: a project's special report (交付风险排查专项报告: batches and their gates,
/// inspections, findings by category and severity with the open blocking ones, open days,
/// handovers and certificates), printable; and the delivery calendar of the projects in scope
/// (per China day: batches due, inspections, open days, handovers and the slots' seats).
class ReportService {
 public:
  /// At most this many days in one calendar.
  static constexpr int kCalendarDays = 62;

  ReportService(db::Database& db, const Clock& clock, inventory::InventoryService& inventory);

  Result<boost::json::object> ProjectReport(const RequestContext& ctx, std::int64_t project_id);
  Result<boost::json::object> Calendar(const RequestContext& ctx, const std::string& from, const std::string& to,
                                       std::optional<std::int64_t> project_id);

 private:
  db::Database& db_;
  const Clock& clock_;
  inventory::InventoryService& inventory_;
};

}  // namespace hearth::delivery
