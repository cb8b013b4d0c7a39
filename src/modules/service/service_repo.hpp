#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "modules/service/business_calendar.hpp"
#include "modules/service/ticket.hpp"

namespace hearth::service {

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
  std::optional<std::string> kind;
  std::optional<std::int64_t> category_id;  ///< matches the category and everything under it
  std::optional<std::string> grade;
  std::optional<std::int64_t> project_id;
  std::optional<std::string> unit_status;
  std::string department;
  std::optional<std::int64_t> org_unit_id;  ///< the unit that works it; default the ticket's company
  bool active = true;
  std::int64_t version = 1;
};

/// Deadlines in minutes of working time; the most specific matching policy wins.
struct SlaPolicy {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::string name;
  std::optional<std::string> kind;
  std::optional<std::string> grade;
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
  std::optional<std::string> status;
  std::optional<std::string> kind;
  std::optional<std::string> grade;
  std::optional<std::string> department;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> customer_id;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> assignee_id;
  std::optional<bool> breached;  ///< applied by the caller (computed at read)
};

/// SQL of the service centre. Every method runs in the caller's transaction.
class ServiceRepo {
 public:
  /// `category_root`: the top-level category of t.category_id (mass-complaint clusters).
  std::int64_t InsertTicket(db::Tx& tx, const Ticket& t, std::optional<std::int64_t> category_root);
  /// The ticket with the materialised path of its org unit.
  std::optional<std::pair<Ticket, std::string>> FindTicket(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  bool UpdateTicket(db::Tx& tx, const Ticket& t, std::optional<std::int64_t> expected_version);
  /// Newest first, under `path_prefix`, after the cursor; one more than the limit.
  std::vector<Ticket> ListTickets(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                  const TicketFilter& filter, const Page& page);
  void SetPublicToken(db::Tx& tx, std::int64_t id, const std::string& token_hash);
  /// The ticket a customer's link points at (any tenant: the token is the credential).
  std::optional<Ticket> FindByPublicToken(db::Tx& tx, const std::string& token_hash);
  /// Calls `each` for every ticket created in [from, to) under `path_prefix`, optionally of one
  /// project, in creation order (reports). Only the fields reports count are filled: id, kind,
  /// grade, status, project, category, department, satisfaction, deadlines and times.
  void ForEachCreatedBetween(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, Timestamp from,
                             Timestamp to, std::optional<std::int64_t> project_id,
                             const std::function<void(const Ticket&)>& each, std::int64_t chunk = 5000);
  void AddEvent(db::Tx& tx, std::int64_t tenant_id, const TicketEvent& e);
  std::vector<TicketEvent> Events(db::Tx& tx, std::int64_t ticket_id);
  void MoveCustomer(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into);

  std::vector<Category> Categories(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertCategory(db::Tx& tx, const Category& c, Timestamp now);
  bool UpdateCategory(db::Tx& tx, const Category& c, std::optional<std::int64_t> expected_version, Timestamp now);

  std::vector<RoutingRule> Rules(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertRule(db::Tx& tx, const RoutingRule& r, Timestamp now);
  bool DeleteRule(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);

  std::vector<SlaPolicy> Policies(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertPolicy(db::Tx& tx, const SlaPolicy& p, Timestamp now);
  bool DeletePolicy(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);

  std::optional<CalendarRow> FindCalendar(db::Tx& tx, std::int64_t tenant_id, const std::string& region);
  std::vector<CalendarRow> Calendars(db::Tx& tx, std::int64_t tenant_id);
  std::int64_t InsertCalendar(db::Tx& tx, std::int64_t tenant_id, const CalendarRow& c, Timestamp now);
  bool UpdateCalendarHours(db::Tx& tx, std::int64_t id, int start_min, int end_min, Timestamp now);
  void PutDay(db::Tx& tx, std::int64_t calendar_id, const CalendarDay& day, Timestamp now);
  bool DeleteDay(db::Tx& tx, std::int64_t calendar_id, ChinaDay day);

  /// The tenants (groups) that exist, for seeding module defaults.
  std::vector<std::int64_t> Tenants(db::Tx& tx);
};

}  // namespace hearth::service
