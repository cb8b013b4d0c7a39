#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/service/config/business_calendar.hpp"
#include "modules/inventory/unit.hpp"
#include "modules/service/vocabulary.hpp"

// The service centre's configuration as data (the business edits it): categories, routing rules,
// SLA policies and calendars; and the filters of the ticket queues.
namespace hearth::service {

/// A ticket category (渗漏/屋面渗漏): a tree, two or three levels deep.
struct Category {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string name;
  int position = 0;
  bool active = true;
  std::int64_t version = 1;
  std::optional<std::string> warranty;  ///< the statutory warranty of its defects; inherited when empty
};

/// First matching rule by position wins; an empty condition matches anything.
struct RoutingRule {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  int position = 0;
  std::string name;
  std::optional<TicketKind> kind;
  std::optional<std::int64_t> category_id;  ///< matches the category and everything under it
  std::optional<TicketGrade> grade;
  std::optional<std::int64_t> project_id;
  std::optional<inventory::UnitStatus> unit_status;
  Department department = Department::kCustomerRelations;
  std::optional<std::int64_t> org_unit_id;  ///< the unit that works it; default the ticket's company
  bool active = true;
  std::int64_t version = 1;
};

/// Deadlines in minutes of working time; the most specific matching policy wins.
struct SlaPolicy {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::string name;
  std::optional<TicketKind> kind;
  std::optional<TicketGrade> grade;
  std::optional<std::int64_t> category_id;
  int response_minutes = 0;
  int resolve_minutes = 0;
  std::int64_t version = 1;
};

struct CalendarRow {
  std::int64_t id = 0;
  std::string region;
  int day_start_min = 540;
  int day_end_min = 1080;
  std::int64_t version = 1;
  std::vector<CalendarDay> days;
};

/// Ticket filters of GET /api/v1/tickets; unset means any.
struct TicketFilter {
  std::optional<TicketStatus> status;
  std::optional<TicketKind> kind;
  std::optional<TicketGrade> grade;
  std::optional<Department> department;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> customer_id;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> assignee_id;
  std::optional<bool> breached;  ///< applied by the caller (computed at read)
  std::optional<SlaState> sla_state;  ///< applied by the caller (computed at read)
  bool open_only = false;  ///< neither closed nor cancelled
  bool mine = false;       ///< assigned to the caller
  bool oldest_first = false;  ///< ascending ids (the call-back queue: longest waiting first)
  std::optional<std::string> q;  ///< the text search as typed; the service turns it into `text`
  /// The text search (`q`): any of these matches.
  struct Text {
    std::optional<std::int64_t> id;           ///< the ticket number
    std::vector<std::int64_t> customer_ids;   ///< customers whose name or phone matched
    std::string title;                        ///< words of the title (a LIKE pattern's inside)
  };
  std::optional<Text> text;
};

/// A tenant's service configuration, read together and cached for a moment (every ticket
/// creation needs all of it).
struct ServiceConfig {
  std::vector<Category> categories;
  std::vector<RoutingRule> rules;
  std::vector<SlaPolicy> policies;
  BusinessCalendar calendar;
  /// True when `category` is `ancestor` or lies under it.
  bool IsUnder(std::int64_t category, std::int64_t ancestor) const;
  /// The top-level category above (or at) `category`.
  std::int64_t RootOf(std::int64_t category) const;
  /// The warranty type of a category, inherited from its parents.
  std::optional<std::string> WarrantyOf(std::int64_t category) const;
};

/// The active category that `text` names: a name ("屋面渗漏") or a path of names from the top,
/// separated by '/' ("渗漏/屋面渗漏"; spaces around the names ignored). Fails with 422 on field
/// `category`: "not_found" (no such active category), or "ambiguous" when a bare name is
/// held by several categories (the path tells them apart).
Result<std::int64_t> FindCategory(const std::vector<Category>& categories, std::string_view text);

}  // namespace hearth::service
