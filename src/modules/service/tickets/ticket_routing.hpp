#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "modules/service/config/service_config.hpp"

// Routing (工作界面) and SLA selection as pure functions over a group's configuration: the
// rules are data the business edits; these say which one applies. Tested by tables of cases in
// ticket_routing_test.cpp.
namespace hearth::service {

/// What routing and the SLA look at in a new ticket.
struct TicketFacts {
  TicketKind kind = TicketKind::kInquiry;
  TicketGrade grade = TicketGrade::kGeneral;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> category_id;
  std::optional<inventory::UnitStatus> unit_status;  ///< of the ticket's unit, when it names one
  bool team_dissolved = false;             ///< the project's own team has handed over
};

/// Where a ticket goes.
struct Routing {
  Department department = Department::kCustomerRelations;  ///< when no rule matches
  const RoutingRule* rule = nullptr;               ///< the first active matching rule, by position
  bool team_dissolved_fallback = false;            ///< "project" became "engineering"
};

/// The first active rule (in `config.rules` order) whose every condition matches; an empty
/// condition matches anything, a category condition matches the category and all below it. A
/// ticket routed to the project team of a project whose team has dissolved goes to engineering.
Routing RouteTicket(const ServiceConfig& config, const TicketFacts& facts);

/// The most specific matching SLA policy — category (4) over grade (2) over kind (1), the first
/// listed on a tie — or nullptr when none matches (the defaults apply).
const SlaPolicy* SelectSlaPolicy(const ServiceConfig& config, const TicketFacts& facts);

}  // namespace hearth::service
