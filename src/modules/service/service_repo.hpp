#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "modules/service/business_calendar.hpp"
#include "modules/service/service_config.hpp"
#include "modules/service/ticket.hpp"

namespace hearth::service {

/// SQL of the service centre. Every method runs in the caller's transaction.
class ServiceRepo {
 public:
  /// `category_root`: the top-level category of t.category_id (mass-complaint clusters).
  std::int64_t InsertTicket(db::Tx& tx, const Ticket& t, std::optional<std::int64_t> category_root);
  /// Inserts a ticket with its whole history as given (status, answers, deadlines): demo data.
  std::int64_t InsertHistoric(db::Tx& tx, const Ticket& t, std::int64_t category_root);
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

  /// A member of a department (the names come from the platform's directory).
  struct MemberRow {
    std::int64_t user_id = 0;
    std::optional<Timestamp> last_assigned_at;
  };
  std::vector<MemberRow> Members(db::Tx& tx, std::int64_t tenant_id, const std::string& department);
  /// Replaces the department's members.
  void SetMembers(db::Tx& tx, std::int64_t tenant_id, const std::string& department,
                  const std::vector<std::int64_t>& user_ids, Timestamp now);
  /// Enabled members whose org unit's subtree holds `org_path` (who can see such a ticket).
  std::vector<std::int64_t> MembersSeeing(db::Tx& tx, std::int64_t tenant_id, const std::string& department,
                                          const std::string& org_path);
  /// Round-robin: the enabled member seeing `org_path` assigned longest ago (or never).
  std::optional<std::int64_t> NextInRotation(db::Tx& tx, std::int64_t tenant_id, const std::string& department,
                                             const std::string& org_path);
  void MarkAssigned(db::Tx& tx, std::int64_t tenant_id, const std::string& department, std::int64_t user_id,
                    Timestamp now);
};

}  // namespace hearth::service
