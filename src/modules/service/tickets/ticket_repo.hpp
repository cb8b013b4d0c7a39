#pragma once
#include <map>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "modules/service/config/service_config.hpp"
#include "modules/service/tickets/ticket.hpp"

namespace hearth::service {

/// SQL of tickets and their history. Every method runs in the caller's transaction.
class TicketRepo {
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
  /// Call-back ratings (1–5) of the tickets closed in [from, to) under the org path: each ticket's id
  /// and rating.
  std::vector<std::pair<std::int64_t, int>> Ratings(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                    Timestamp from, Timestamp to);
  std::optional<Ticket> FindByPublicToken(db::Tx& tx, const std::string& token_hash);
  /// Calls `each` for every ticket created in [from, to) under `path_prefix`, optionally of one
  /// project, in creation order (reports). Only the fields reports count are filled: id, kind,
  /// grade, status, project, category, department, satisfaction, deadlines and times.
  void ForEachCreatedBetween(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, Timestamp from,
                             Timestamp to, std::optional<std::int64_t> project_id,
                             const std::function<void(const Ticket&)>& each, std::int64_t chunk = 5000);
  void AddEvent(db::Tx& tx, std::int64_t tenant_id, const TicketEvent& e);
  std::vector<TicketEvent> Events(db::Tx& tx, std::int64_t ticket_id);
  /// id → title of those of `ids` in the group.
  std::map<std::int64_t, std::string> TitlesOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  std::vector<TicketBrief> BriefsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  void MoveCustomer(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into);
};

}  // namespace hearth::service
