#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/org_service.hpp"
#include "modules/service/vocabulary.hpp"

namespace hearth::service {

struct ServiceConfig;
struct Ticket;

struct MassSettings {
  int threshold = 5;             ///< tickets of one category…
  int window_hours = 7 * 24;     ///< …within this many hours raise an alert
};

/// A mass alert's statuses: open → acknowledged → closed.
enum class MassAlertStatus { kOpen, kAcknowledged, kClosed };
inline constexpr Vocabulary<MassAlertStatus, 3> kMassAlertStatuses{{"open", "acknowledged", "closed"}};
constexpr std::string_view WordOf(MassAlertStatus v) { return kMassAlertStatuses.Name(v); }

/// A mass-complaint warning (群诉预警).
struct MassAlert {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t project_id = 0;
  std::optional<std::string> building;  ///< the building, or the whole project when empty
  std::int64_t category_id = 0;         ///< a top-level category (渗漏, 门窗…)
  int ticket_count = 0;
  TicketGrade proposed_grade = TicketGrade::kHot;  ///< hot at the threshold, major at twice it
  MassAlertStatus status = MassAlertStatus::kOpen;
  std::optional<std::string> note;
  std::vector<std::int64_t> ticket_ids;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

boost::json::object ToJson(const MassAlert& a);

/// Watches new tickets for clusters: N tickets (settings) of one top-level category in one
/// building (or one project, for tickets without a unit) within the window raise an alert that
/// proposes the grade 热点 (hot), or 重大 (major) at twice N, links the tickets and notifies the
/// company's managers. Later tickets of the cluster join the open alert.

class MassAlertService {
 public:
  MassAlertService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                   platform::Notifications& notifications, inventory::InventoryService& inventory)
      : db_(db), clock_(clock), audit_(audit), notifications_(notifications), inventory_(inventory) {}

  /// Called in the transaction that created `t` (with its unit's building, if any).
  void OnTicket(db::Tx& tx, const Ticket& t, const std::optional<std::string>& building, const ServiceConfig& config);

  Result<MassSettings> Settings(const RequestContext& ctx);
  Result<MassSettings> SetSettings(const RequestContext& ctx, const MassSettings& s);
  Result<platform::Listing<MassAlert>> List(const RequestContext& ctx, std::optional<MassAlertStatus> status,
                                            const Page& page);
  Result<MassAlert> Get(const RequestContext& ctx, std::int64_t id);
  /// The customer centre decides: acknowledges, and with `grade` gives it to the linked open tickets.
  Result<MassAlert> Acknowledge(const RequestContext& ctx, std::int64_t id, std::optional<TicketGrade> grade,
                                const std::optional<std::string>& note);
  Result<MassAlert> Close(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& note);

 private:
  MassSettings SettingsOf(db::Tx& tx, std::int64_t tenant_id);
  Result<MassAlert> InScope(db::Tx& tx, const Actor& actor, std::int64_t id);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::Notifications& notifications_;
  inventory::InventoryService& inventory_;  ///< the buildings of the tickets' units
};

}  // namespace hearth::service
