#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "core/vocabulary.hpp"
#include "db/database.hpp"
#include "platform/audit.hpp"

namespace hearth::customers {
class CustomerService;
}

namespace hearth::service {

class ConfigService;
class TicketService;
struct Ticket;

/// pending_approval → dispatched → visited → accepted; cancelled. A major ticket's plan waits for
/// approval; a rejected visit goes back to dispatched.
enum class WorkOrderStatus { kPendingApproval, kDispatched, kVisited, kAccepted, kCancelled };
inline constexpr Vocabulary<WorkOrderStatus, 5> kWorkOrderStatuses{
    {"pending_approval", "dispatched", "visited", "accepted", "cancelled"}};
constexpr std::string_view WordOf(WorkOrderStatus v) { return kWorkOrderStatuses.Name(v); }

/// POST /api/v1/work-orders/{id}/{action}.
enum class WorkOrderAction { kApprove, kVisit, kAccept, kReject, kCancel };
inline constexpr Vocabulary<WorkOrderAction, 5> kWorkOrderActions{{"approve", "visit", "accept", "reject", "cancel"}};
constexpr std::string_view WordOf(WorkOrderAction v) { return kWorkOrderActions.Name(v); }

/// Who pays for an accepted repair: the contractor (charged back), the developer, the owner.
enum class ChargeTo { kContractor, kDeveloper, kOwner };
inline constexpr Vocabulary<ChargeTo, 3> kChargeTo{{"contractor", "developer", "owner"}};
constexpr std::string_view WordOf(ChargeTo v) { return kChargeTo.Name(v); }

/// The status an action leads to from `status`, or 409 invalid_transition (tested by a table in
/// work_orders_test.cpp).
Result<WorkOrderStatus> NextWorkOrderStatus(WorkOrderAction action, WorkOrderStatus status);

/// A repair work order to a contractor (派工单).
struct WorkOrder {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t ticket_id = 0;
  std::int64_t customer_id = 0;  ///< the ticket's
  std::string contractor;
  std::string plan;
  WorkOrderStatus status = WorkOrderStatus::kDispatched;
  Timestamp appointment_at;
  std::optional<Timestamp> visited_at;
  std::optional<Timestamp> accepted_at;
  std::optional<std::int64_t> approved_by;
  std::optional<Timestamp> approved_at;
  std::optional<std::int64_t> cost_fen;
  std::optional<ChargeTo> charge_to;
  std::optional<std::string> note;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // Filled when read, from the ticket.
  std::string ticket_title;
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> unit_code;
};

boost::json::object ToJson(const WorkOrder& w);

struct WorkOrderInput {
  std::string contractor;
  std::string plan;
  Timestamp appointment_at;
};

/// Work orders of repair tickets. Each step is written to the ticket's history and moves the
/// ticket: dispatching a new ticket assigns it to the dispatcher, the visit starts it (answering
/// the response deadline), and the acceptance of its last open work order resolves it. A major
/// ticket's plan needs approval by an engineering department member (or an administrator) first.
class WorkOrderService {
 public:
  WorkOrderService(db::Database& db, const Clock& clock, platform::AuditLog& audit, ConfigService& config,
                   TicketService& tickets, customers::CustomerService& customers);

  Result<WorkOrder> Create(const RequestContext& ctx, std::int64_t ticket_id, const WorkOrderInput& input);
  Result<std::vector<WorkOrder>> OfTicket(const RequestContext& ctx, std::int64_t ticket_id);
  /// A customer's work orders on tickets the caller may see, latest appointment first
  /// (`open_only`: still to visit or to approve).
  Result<std::vector<WorkOrder>> OfCustomer(const RequestContext& ctx, std::int64_t customer_id, bool open_only,
                                            int limit);
  /// approve, visit, accept, reject (验收不通过: back to dispatched with a new appointment), cancel.
  Result<WorkOrder> Act(const RequestContext& ctx, std::int64_t id, WorkOrderAction action,
                        std::optional<Timestamp> appointment_at, std::optional<std::int64_t> cost_fen,
                        std::optional<ChargeTo> charge_to, const std::optional<std::string>& note);

 private:
  /// What the step does to the ticket, in the step's transaction.
  Result<void> MoveTicket(db::Tx& tx, const RequestContext& ctx, const WorkOrder& w, WorkOrderAction action);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  ConfigService& config_;
  TicketService& tickets_;
};

}  // namespace hearth::service
