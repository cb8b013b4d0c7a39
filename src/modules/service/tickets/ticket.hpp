#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/service/tickets/warranty.hpp"
#include "modules/service/vocabulary.hpp"

namespace hearth::service {

/// What lists and pages show instead of ids, filled when read (TicketService); never stored.
struct TicketLabels {
  std::optional<std::string> customer_name;
  std::optional<std::string> customer_phone;  ///< masked, always (the full number is on the customer's page)
  std::optional<std::string> unit_code;
  std::optional<std::string> project_name;
  std::optional<std::string> assignee_name;
};

/// A ticket (工单): a customer's inquiry, complaint (投诉), repair request (报修), suggestion or praise.
struct Ticket {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;  ///< the company that owns it: the project's, else the customer's
  TicketKind kind = TicketKind::kInquiry;
  TicketChannel channel = TicketChannel::kHotline;
  TicketGrade grade = TicketGrade::kGeneral;
  TicketStatus status = TicketStatus::kNew;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> category_id;
  std::string title;
  std::string description;
  Department department = Department::kCustomerRelations;
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> routing_rule_id;
  std::optional<std::string> resolution;
  std::optional<Responsibility> responsibility;
  std::optional<int> satisfaction;
  Timestamp response_due_at;
  Timestamp resolve_due_at;
  std::optional<Timestamp> responded_at;
  std::optional<Timestamp> resolved_at;
  std::optional<Timestamp> closed_at;  ///< closed or cancelled
  std::optional<Timestamp> paused_at;  ///< on hold (waiting for the customer) since
  int escalation_level = 0;
  std::optional<WarrantyFinding> warranty;  ///< computed when read: the category's warranty from completion
  TicketLabels labels;  ///< computed when read
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

/// True while the ticket is still to be worked (not resolved, closed or cancelled).
bool IsOpen(TicketStatus status);

/// Whether a deadline has passed unmet as of `now`: the response deadline before the first
/// reply, the resolution deadline before the (last) resolution; a ticket on hold is judged as of
/// the moment it was put on hold, a cancelled one as of its cancellation.
bool SlaBreached(const Ticket& t, Timestamp now);

/// Where the ticket stands against its deadlines as of `now` (vocabulary.hpp, SlaState). An open
/// ticket is at risk once 80% of the time to its next deadline (the response, then the
/// resolution) has passed; a ticket on hold is judged as of the moment it was put on hold.
SlaState SlaStateOf(const Ticket& t, Timestamp now);

/// The status an action leads to from `status`, or 409 invalid_transition. `satisfaction`
/// matters for callback only (3 or more closes, 1 or 2 reopens).
Result<TicketStatus> NextStatus(TicketAction action, TicketStatus status, int satisfaction = 0);

boost::json::object ToJson(const Ticket& t, Timestamp now);

/// A history entry of a ticket (GET /api/v1/tickets/{id}/events), oldest first.
/// A ticket as other modules list it beside their own records (a handover's repairs and their
/// re-inspection, 复验): its title and status.
struct TicketBrief {
  std::int64_t id = 0;
  std::string title;
  TicketStatus status = TicketStatus::kNew;
};

struct TicketEvent {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  Timestamp at;
  std::string action;  ///< created, assign, start, …, escalated, reminded
  std::optional<std::string> from_status;
  std::optional<std::string> to_status;
  std::optional<std::int64_t> actor_id;
  std::string detail;  ///< JSON object text
  std::optional<std::string> actor_name = std::nullopt;  ///< filled when read
};

boost::json::object ToJson(const TicketEvent& e);

}  // namespace hearth::service
