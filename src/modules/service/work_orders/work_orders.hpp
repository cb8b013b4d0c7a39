#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/audit.hpp"

namespace hearth::service {

class TicketService;

/// A repair work order to a contractor (派工单).
struct WorkOrder {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t ticket_id = 0;
  std::string contractor;
  std::string plan;
  std::string status;  ///< pending_approval → dispatched → visited → accepted; cancelled
  Timestamp appointment_at;
  std::optional<Timestamp> visited_at;
  std::optional<Timestamp> accepted_at;
  std::optional<std::int64_t> approved_by;
  std::optional<Timestamp> approved_at;
  std::optional<std::int64_t> cost_fen;
  std::optional<std::string> charge_to;  ///< contractor (charged back), developer, owner
  std::optional<std::string> note;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

boost::json::object ToJson(const WorkOrder& w);

struct WorkOrderInput {
  std::string contractor;
  std::string plan;
  Timestamp appointment_at;
};

/// Work orders of repair tickets. Each step is written to the ticket's history. A major ticket's
/// plan needs approval by an engineering department member (or an administrator) first.
class WorkOrderService {
 public:
  WorkOrderService(db::Database& db, const Clock& clock, platform::AuditLog& audit, TicketService& tickets)
      : db_(db), clock_(clock), audit_(audit), tickets_(tickets) {}

  Result<WorkOrder> Create(const RequestContext& ctx, std::int64_t ticket_id, const WorkOrderInput& input);
  Result<std::vector<WorkOrder>> OfTicket(const RequestContext& ctx, std::int64_t ticket_id);
  /// approve, visit, accept, reject (验收不通过: back to dispatched with a new appointment), cancel.
  Result<WorkOrder> Act(const RequestContext& ctx, std::int64_t id, const std::string& action,
                        std::optional<Timestamp> appointment_at, std::optional<std::int64_t> cost_fen,
                        const std::optional<std::string>& charge_to, const std::optional<std::string>& note);

 private:
  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  TicketService& tickets_;
};

}  // namespace hearth::service
