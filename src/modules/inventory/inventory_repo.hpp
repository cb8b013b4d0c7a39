#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "modules/inventory/unit.hpp"

namespace hearth::inventory {

/// SQL of projects, units, owners and unit events. Every method runs in the caller's transaction.
class InventoryRepo {
 public:
  std::int64_t InsertProject(db::Tx& tx, const Project& p);
  /// The project with the materialised path of its org unit (for scope checks).
  std::optional<std::pair<Project, std::string>> FindProject(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  bool UpdateProject(db::Tx& tx, const Project& p, std::optional<std::int64_t> expected_version);
  std::vector<Project> ListProjects(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, const Page& page);

  std::int64_t InsertUnit(db::Tx& tx, const Unit& u);
  std::optional<Unit> FindUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  bool UpdateUnit(db::Tx& tx, const Unit& u, std::optional<std::int64_t> expected_version);
  /// Sets the status only while it is one of `from` (compare-and-set); false when it is not.
  void SetDelivered(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::string& on, Timestamp now);
  bool MoveStatus(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::vector<UnitStatus>& from,
                  UnitStatus to, Timestamp now);
  /// Sets an unsold unit's list price only while it is `expected` (compare-and-set).
  bool Reprice(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, std::int64_t expected, std::int64_t price, Timestamp now);
  /// Units of a project, optionally of one building, ordered for the sales-control board.
  std::vector<Unit> UnitsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id,
                            const std::optional<std::string>& building);
  std::vector<std::string> BuildingsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);

  /// The owners of a unit, largest share first, without names (they are the customers module's).
  std::vector<Owner> OwnersOf(db::Tx& tx, std::int64_t unit_id);
  std::vector<Home> Homes(db::Tx& tx, std::int64_t tenant_id);
  /// How many units of the group the customer owns (a share of).
  std::vector<HomeFacts> HomeFactsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last);
  std::int64_t HomesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id);
  /// Whether two customers own a unit together.
  bool CoOwners(db::Tx& tx, std::int64_t tenant_id, std::int64_t a, std::int64_t b);
  std::map<std::int64_t, std::string> ProjectNames(db::Tx& tx, std::int64_t tenant_id);
  /// The building of each of `unit_ids` of the group that exists.
  std::map<std::int64_t, std::string> BuildingsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& unit_ids);
  std::map<std::int64_t, std::optional<std::string>> DeliveredOn(db::Tx& tx, std::int64_t tenant_id,
                                                                  const std::vector<std::int64_t>& unit_ids);
  std::map<std::int64_t, std::string> CodesOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& unit_ids);
  /// Units of a project delivered on or after `since` (YYYY-MM-DD): id → delivered_on.
  std::vector<OwnedHome> OwnedHomes(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);
  std::map<std::int64_t, std::string> DeliveredSince(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id, const std::string& since);
  /// The units of the group among `unit_ids`, read by primary key (in no particular order).
  std::vector<Unit> UnitsById(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& unit_ids);
  /// The units a customer owns, with the project's name and the share, in projects under
  /// `path_prefix` (the caller's scope).
  std::vector<OwnedUnit> UnitsOwnedBy(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id,
                                      const std::string& path_prefix);
  void UpsertOwner(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id, std::int64_t customer_id, double share,
                   Timestamp now);
  bool RemoveOwner(db::Tx& tx, std::int64_t unit_id, std::int64_t customer_id);
  /// Moves ownerships of `from` to `into` (customer merge); shares of a unit both own are added.
  void MoveOwners(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into, Timestamp now);
  /// Customers owning a unit with this code in any project of the tenant, largest share first.
  std::vector<std::int64_t> OwnersByCode(db::Tx& tx, std::int64_t tenant_id, const std::string& code);

  void AddEvent(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id, std::string_view kind,
                const std::string& summary, std::optional<std::int64_t> actor_id, Timestamp at);
  using Event = UnitEvent;
  std::vector<Event> EventsOf(db::Tx& tx, std::int64_t unit_id);
};

}  // namespace hearth::inventory
