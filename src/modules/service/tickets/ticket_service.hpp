#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/service/config/business_calendar.hpp"
#include "modules/service/mass_alerts/mass_alerts.hpp"
#include "core/hidden.hpp"
#include "modules/service/tickets/ticket.hpp"
#include "modules/service/config/config_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "platform/org_service.hpp"

namespace hearth::service {

class TicketRepo;  // modules/service/tickets/ticket_repo.hpp: the part's SQL, not part of this interface

struct TicketInput {
  TicketKind kind = TicketKind::kInquiry;
  TicketChannel channel = TicketChannel::kHotline;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> category_id;
  std::optional<std::string> category;  ///< instead of category_id: a name or path ("渗漏/屋面渗漏")
  std::string title;
  std::string description;
  TicketGrade grade = TicketGrade::kGeneral;
};

/// The body of POST /api/v1/tickets/{id}/{action}; which fields an action needs is checked by
/// the service.
struct ActionInput {
  std::optional<Department> department;
  std::optional<std::int64_t> assignee_id;
  bool round_robin = false;  ///< assign: the department member assigned longest ago
  std::optional<std::string> resolution;
  std::optional<Responsibility> responsibility;
  std::optional<int> satisfaction;
  std::optional<std::string> comment;
  std::optional<std::string> reason;
  std::optional<std::string> text;
};


/// Service-centre use cases: tickets with routing, SLA on the business calendar, the status
/// machine and history. Tickets are scoped by their org unit.
class TicketService {
 public:
  TicketService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                platform::Notifications& notifications, ConfigService& config, MassAlertService& alerts,
                customers::CustomerService& customers, inventory::InventoryService& inventory);

  /// Working time between a breach and the next escalation up the org tree (one working day).
  static constexpr int kEscalateAgainMinutes = 9 * 60;

  Timestamp Now() const { return clock_.Now(); }
  Result<Ticket> Create(const RequestContext& ctx, const TicketInput& input);
  /// Create in the caller's transaction (a defect found at a handover's inspection becomes a repair
  /// ticket with the step that found it).
  Result<Ticket> CreateIn(db::Tx& tx, const RequestContext& ctx, const TicketInput& input);
  /// The call-back ratings (1–5) of the tickets closed in [from, to) under an org path ("/1/4/%"),
  /// ticket by ticket: the 6+2 audit's customer evaluation until surveys land. No scope check.
  std::vector<std::pair<std::int64_t, int>> Ratings(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                    Timestamp from, Timestamp to);
  /// Title and status of those of `ids` that are tickets of the group (no scope check: the caller
  /// holds a record in scope that links them).
  std::vector<TicketBrief> BriefsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  Result<Ticket> Get(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Ticket>> List(const RequestContext& ctx, const TicketFilter& filter, const Page& page);
  /// One action of the status machine (API.md); 409 invalid_transition when the status does
  /// not allow it, 422 naming a missing or bad field.
  Result<Ticket> Act(const RequestContext& ctx, std::int64_t id, TicketAction action, const ActionInput& input,
                     std::optional<std::int64_t> expected_version);
  /// The same in the caller's transaction, the input already checked (work orders move their
  /// ticket: a visit starts it, the last acceptance resolves it).
  Result<Ticket> ActIn(db::Tx& tx, const RequestContext& ctx, std::int64_t id, TicketAction action,
                       const ActionInput& input, std::optional<std::int64_t> expected_version);
  Result<std::vector<TicketEvent>> Events(const RequestContext& ctx, std::int64_t id);
  /// A new link for the customer's own page of the ticket (the previous one stops working);
  /// the token is shown once.
  Result<std::string> Share(const RequestContext& ctx, std::int64_t id);
  /// What the customer sees by the link: the ticket and its progress, nothing internal.
  Result<std::pair<Ticket, std::vector<TicketEvent>>> PublicView(const std::string& token);
  /// The customer confirms the repair and rates it (the call-back, by the customer).
  Result<Ticket> PublicConfirm(const std::string& token, int satisfaction, const std::string& comment,
                               const std::string& remote_address);

  /// Ticket `id` in the actor's scope (404 outside it), in the caller's transaction.
  Result<Ticket> TicketFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
    HEARTH_ASSIGN(auto found, InScope(tx, actor, id));
    return std::move(found.first);
  }
  /// Adds an entry to a ticket's history, in the caller's transaction (work orders, cases and
  /// attachments note what they did on the ticket).
  void Note(db::Tx& tx, std::int64_t tenant_id, const TicketEvent& event);

  /// What a new ticket is about, each found in the caller's scope.
  struct Subjects {
    std::int64_t customer_org_unit_id = 0;
    std::optional<inventory::Unit> unit;
    std::optional<inventory::Project> project;
  };

  /// The deadline jobs (declared in the module's manifest): level 0 reminds the assignee before
  /// the resolution deadline, 1 marks the breach at it, 2 escalates. A job of a deadline that
  /// has since moved, or of a ticket already resolved, does nothing.
  Result<void> OnDeadlineJob(db::Tx& tx, const platform::Job& job, int level);

 private:
  Result<Subjects> FindSubjects(db::Tx& tx, const Actor& actor, const TicketInput& in);
  /// Fills each ticket's labels: the customer's name and masked phone, the unit's code, the
  /// project's and the assignee's names (four indexed reads for the whole page).
  void Label(db::Tx& tx, const Actor& actor, std::span<Ticket> tickets);
  Result<std::pair<Ticket, std::string>> InScope(db::Tx& tx, const Actor& actor, std::int64_t id);
  /// Jobs for the resolution deadline: a reminder at 80% of the remaining working time, the
  /// breach at the deadline. Jobs of an older deadline find it moved and do nothing.
  void ScheduleDeadline(db::Tx& tx, const Ticket& t, const ServiceConfig& config, Timestamp now);
  /// Fills t.warranty from the category and the project's completion date.
  void FindWarrantyOf(Ticket& t, const ServiceConfig& config, const std::optional<std::string>& completion_date) const;
  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  platform::Notifications& notifications_;
  MassAlertService& alerts_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  ConfigService& config_;
  Hidden<TicketRepo> repo_;
};

}  // namespace hearth::service
