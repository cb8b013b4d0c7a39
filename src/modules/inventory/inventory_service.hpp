#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "core/hidden.hpp"
#include "modules/inventory/unit.hpp"
#include "platform/audit.hpp"
#include "platform/event_hub.hpp"
#include "platform/org_service.hpp"

namespace hearth::inventory {

class InventoryRepo;  // modules/inventory/inventory_repo.hpp: the module's SQL, not part of this interface

struct ProjectInput {
  std::string name;
  std::string city;
  std::string address;
  std::optional<std::int64_t> org_unit_id;
  std::optional<std::string> completion_date;
};

/// PATCH /api/v1/projects/{id}: the fields given change.
struct ProjectPatch {
  std::optional<std::string> name;
  std::optional<std::string> city;
  std::optional<std::string> address;
  std::optional<std::optional<std::string>> completion_date;
  std::optional<bool> team_dissolved;
};

struct UnitInput {
  std::int64_t project_id = 0;
  std::string phase;
  std::string building;
  std::string entrance = "1";
  std::string room;
  int floor = 0;
  std::string layout;
  double area_m2 = 0;
  std::int64_t list_price_cents = 0;
  Decoration decoration = Decoration::kRaw;
};

/// A building's units in one call: floors `floor_from`..`floor_to`, each with the same rooms;
/// a room "01" on floor 11 becomes room "1101".
struct BulkUnitsInput {
  std::string phase;
  std::string building;
  std::string entrance = "1";
  int floor_from = 1;
  int floor_to = 1;
  struct Room {
    std::string suffix;
    std::string layout;
    double area_m2 = 0;
    std::int64_t list_price_cents = 0;
  };
  std::vector<Room> rooms;
  Decoration decoration = Decoration::kRaw;
};

struct UnitPatch {
  std::optional<UnitStatus> status;
  std::optional<std::string> layout;
  std::optional<double> area_m2;
  std::optional<std::int64_t> list_price_cents;
  std::optional<Decoration> decoration;
  std::optional<std::string> phase;
};

struct UnitView {
  Unit unit;
  std::vector<Owner> owners;
};

/// The sales-control board (销控表) of one building: units by floor, top floor first.
struct Board {
  Project project;
  std::vector<std::string> buildings;
  std::string building;
  std::vector<std::pair<int, std::vector<Unit>>> floors;
  std::int64_t revision = 0;  ///< changes whenever a unit of the building changes (for polling)
};

/// Property use cases. Projects are scoped by their org unit; units and owners by their project.
class InventoryService {
 public:
  InventoryService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::OrgService& orgs,
                   customers::CustomerService& customers, platform::EventHub& events);

  Result<Project> CreateProject(const RequestContext& ctx, const ProjectInput& input);
  Result<Project> GetProject(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Project>> ListProjects(const RequestContext& ctx, const Page& page);
  Result<Project> UpdateProject(const RequestContext& ctx, std::int64_t id, const ProjectPatch& patch,
                                std::optional<std::int64_t> expected_version);

  // For other modules, in the caller's transaction: 404 outside the actor's scope.
  Result<Project> ProjectFor(db::Tx& tx, const Actor& actor, std::int64_t id) { return ProjectInScope(tx, actor, id); }
  Result<Unit> UnitFor(db::Tx& tx, const Actor& actor, std::int64_t id) { return UnitInScope(tx, actor, id); }
  /// The unit with its owners, named (no scope check: the caller found the unit in scope).
  UnitView OwnersOf(db::Tx& tx, const Unit& unit) { return View(tx, unit); }
  /// The building of each of `unit_ids` (of the group) that exists, for other modules' clusters.
  std::map<std::int64_t, std::string> BuildingsOf(db::Tx& tx, std::int64_t tenant_id,
                                                  const std::vector<std::int64_t>& unit_ids);
  /// The code ("3-2-1101") of each of `unit_ids` (of the group) that exists, for other modules' lists.
  /// The day each unit was delivered (nullopt while not), by id (no scope check; the journey's milestones).
  std::map<std::int64_t, std::optional<std::string>> DeliveredOn(db::Tx& tx, std::int64_t tenant_id,
                                                                  const std::vector<std::int64_t>& unit_ids);
  std::map<std::int64_t, std::string> CodesOf(db::Tx& tx, std::int64_t tenant_id,
                                              const std::vector<std::int64_t>& unit_ids);
  /// The owners of a project's units, one row per unit and owner (the larger share first), with
  /// the unit's status and delivery day (the surveys' populations; no scope check).
  std::vector<OwnedHome> OwnedHomes(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);
  /// The units of a project delivered on or after `since` (YYYY-MM-DD), id → delivered_on (the
  /// after-delivery call-backs and visits; no scope check).
  std::map<std::int64_t, std::string> DeliveredSince(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id,
                                                     const std::string& since);
  /// The units of the group among `unit_ids` that exist, read by primary key (no scope check: the
  /// caller holds a record in scope that names them, e.g. a delivery batch).
  std::vector<Unit> UnitsById(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& unit_ids);
  /// The units of a project of the group, in board order (other modules' demo data; no scope check).
  std::vector<Unit> UnitsOfProject(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);
  /// Every owned home of the group, in ownership order (demo data; no scope check).
  std::vector<Home> Homes(db::Tx& tx, std::int64_t tenant_id);
  /// The homes owned by the customers whose ids are in [first, last], by customer (the segments'
  /// facts, read a range of customers at a time; no scope check).
  std::vector<HomeFacts> HomeFactsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last);
  /// How many units of the group the customer owns; whether two customers own one together (the
  /// sales module's referral checks; no scope check).
  std::int64_t HomesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id);
  bool CoOwners(db::Tx& tx, std::int64_t tenant_id, std::int64_t a, std::int64_t b);
  /// id → name of every project of the group, for other modules' lists (no scope check).
  std::map<std::int64_t, std::string> NamesOfProjects(db::Tx& tx, std::int64_t tenant_id);
  /// id → name of every project of the actor's group (report rows name their project).
  Result<std::map<std::int64_t, std::string>> ProjectNames(db::Tx& tx, const Actor& actor);
  /// The sales module's move of a unit along the pipeline, in the caller's transaction: from one of
  /// `from` to `to`, only while the unit is still in one of them (a compare-and-set, so that of any
  /// number of concurrent deals exactly one wins); 409 unit_unavailable (with the unit's status)
  /// otherwise. Written to the unit's history as `why`.
  Result<Unit> MoveStatus(db::Tx& tx, const RequestContext& ctx, std::int64_t unit_id, const std::vector<UnitStatus>& from,
                          UnitStatus to, const std::string& why);
  /// The delivery module's handover: the contracted unit is delivered on `on` (YYYY-MM-DD), in the
  /// caller's transaction (409 unit_unavailable when it is not contracted).
  Result<Unit> Deliver(db::Tx& tx, const RequestContext& ctx, std::int64_t unit_id, const std::string& on);
  /// Adds an entry to a unit's history (tickets, deliveries…).
  /// The sales module's price adjustment (调价) of an unsold unit, in the caller's transaction: false
  /// when the unit's list price is no longer `expected` or it was sold meanwhile. Noted in the
  /// unit's history and published to open boards.
  bool Reprice(db::Tx& tx, const RequestContext& ctx, const Unit& unit, std::int64_t price, const std::string& why);
  void NoteUnitEvent(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id, std::string_view kind,
                     const std::string& summary, std::optional<std::int64_t> actor_id, Timestamp at);

  /// 409 conflict ("code" "taken") when the project has a unit with the same code.
  Result<Unit> CreateUnit(const RequestContext& ctx, const UnitInput& input);
  /// All or nothing; at most 5,000 units a call.
  Result<std::vector<Unit>> CreateUnits(const RequestContext& ctx, std::int64_t project_id, const BulkUnitsInput& input);
  Result<UnitView> GetUnit(const RequestContext& ctx, std::int64_t id);
  /// A status change must follow the sales pipeline (409 invalid_transition otherwise), and is an
  /// administrator's correction: the deals move the status (409 status_by_deals for anyone else).
  Result<UnitView> UpdateUnit(const RequestContext& ctx, std::int64_t id, const UnitPatch& patch,
                              std::optional<std::int64_t> expected_version);
  /// Adds or changes an owner; shares of a unit may not add up to more than 1.
  Result<UnitView> SetOwner(const RequestContext& ctx, std::int64_t unit_id, std::int64_t customer_id, double share);
  Result<UnitView> RemoveOwner(const RequestContext& ctx, std::int64_t unit_id, std::int64_t customer_id);
  /// The units customer `customer_id` owns, in projects the caller may see.
  Result<std::vector<OwnedUnit>> UnitsOfCustomer(const RequestContext& ctx, std::int64_t customer_id);
  Result<std::vector<UnitEvent>> History(const RequestContext& ctx, std::int64_t unit_id);
  Result<Board> GetBoard(const RequestContext& ctx, std::int64_t project_id, const std::optional<std::string>& building);
  Result<std::vector<Unit>> ListUnits(const RequestContext& ctx, std::int64_t project_id,
                                      const std::optional<std::string>& building,
                                      std::optional<UnitStatus> status);

 private:
  Result<Project> ProjectInScope(db::Tx& tx, const Actor& actor, std::int64_t id);
  Result<Unit> UnitInScope(db::Tx& tx, const Actor& actor, std::int64_t id);
  UnitView View(db::Tx& tx, const Unit& unit);
  /// Once the change commits, every open board of the project shows the unit's new status: the
  /// event `unit` to everyone who may see the project (GET /api/v1/events).
  void PublishMove(db::Tx& tx, const Unit& unit);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::OrgService& orgs_;
  customers::CustomerService& customers_;
  platform::EventHub& events_;
  Hidden<InventoryRepo> repo_;
};

}  // namespace hearth::inventory
