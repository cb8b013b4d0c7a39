#include "modules/inventory/inventory_service.hpp"

#include "modules/inventory/inventory_repo.hpp"
#include "platform/directory.hpp"

#include <algorithm>
#include <map>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace hearth::inventory {

namespace {

constexpr int kMaxBulkUnits = 5000;

Result<void> CheckUnitFields(const std::string& building, const std::string& entrance, const std::string& room,
                             int floor, double area, std::int64_t price, std::string_view prefix = "") {
  std::vector<FieldError> bad;
  const std::string p(prefix);
  if (!ValidLabel(building)) bad.push_back({p + "building", "invalid_format"});
  if (!ValidLabel(entrance)) bad.push_back({p + "entrance", "invalid_format"});
  if (!ValidLabel(room)) bad.push_back({p + "room", "invalid_format"});
  if (floor < -5 || floor > 200) bad.push_back({p + "floor", "invalid_value"});
  if (!(area > 0 && area <= 10000)) bad.push_back({p + "area_m2", "invalid_value"});
  if (price < 0) bad.push_back({p + "list_price_cents", "invalid_value"});
  if (!bad.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", bad);
  return {};
}

}  // namespace

InventoryService::InventoryService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                                   platform::OrgService& orgs, customers::CustomerService& customers,
                                   platform::EventHub& events)
    : db_(db), clock_(clock), audit_(audit), orgs_(orgs), customers_(customers), events_(events) {
  // A merged customer's homes move to the survivor.
  customers_.AddMergeHook([this](db::Tx& tx, std::int64_t tenant, std::int64_t from, std::int64_t into) {
    repo_->MoveOwners(tx, tenant, from, into, clock_.Now());
  });
  // A unit code ("3-2-1101") finds the unit's owners in the customer search.
  customers_.AddLookup([this](db::Tx& tx, std::int64_t tenant, const std::string& code) {
    return repo_->OwnersByCode(tx, tenant, code);
  });
  // The audit log names units by code and projects by name.
  audit_.AddNamer("unit", [this](db::Tx& tx, std::int64_t tenant, const std::vector<std::int64_t>& ids) {
    return repo_->CodesOf(tx, tenant, ids);
  });
  audit_.AddNamer("project", [this](db::Tx& tx, std::int64_t tenant, const std::vector<std::int64_t>&) {
    return repo_->ProjectNames(tx, tenant);
  });
}

Result<Project> InventoryService::ProjectInScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto found = repo_->FindProject(tx, actor.tenant_id, id);
  if (!found || !actor.InScope(found->second)) return NotFound("no such project");
  return found->first;
}

Result<Unit> InventoryService::UnitInScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto unit = repo_->FindUnit(tx, actor.tenant_id, id);
  if (!unit) return NotFound("no such unit");
  if (!ProjectInScope(tx, actor, unit->project_id)) return NotFound("no such unit");
  return *unit;
}

UnitView InventoryService::View(db::Tx& tx, const Unit& unit) {
  auto owners = repo_->OwnersOf(tx, unit.id);
  std::vector<std::int64_t> ids;
  for (const auto& o : owners) ids.push_back(o.customer_id);
  const auto names = customers_.NamesOf(tx, unit.tenant_id, ids);
  for (auto& o : owners) {
    if (auto it = names.find(o.customer_id); it != names.end()) o.name = it->second;
  }
  return UnitView{unit, std::move(owners)};
}

void InventoryService::PublishMove(db::Tx& tx, const Unit& u) {
  const auto project = repo_->FindProject(tx, u.tenant_id, u.project_id);
  if (!project) return;
  const std::string json = boost::json::serialize(boost::json::object{{"project_id", u.project_id},
                                                                      {"building", u.building},
                                                                      {"unit_id", u.id},
                                                                      {"code", u.code},
                                                                      {"status", WordOf(u.status)},
                                                                      {"version", u.version}});
  tx.AfterCommit([this, tenant = u.tenant_id, path = project->second, json] { events_.PublishInScope(tenant, path, "unit", json); });
}

std::map<std::int64_t, std::string> InventoryService::BuildingsOf(db::Tx& tx, std::int64_t tenant_id,
                                                                  const std::vector<std::int64_t>& unit_ids) {
  return repo_->BuildingsOf(tx, tenant_id, unit_ids);
}

std::map<std::int64_t, std::optional<std::string>> InventoryService::DeliveredOn(db::Tx& tx, std::int64_t tenant_id,
                                                                                const std::vector<std::int64_t>& unit_ids) {
  return repo_->DeliveredOn(tx, tenant_id, unit_ids);
}

std::map<std::int64_t, std::string> InventoryService::CodesOf(db::Tx& tx, std::int64_t tenant_id,
                                                              const std::vector<std::int64_t>& unit_ids) {
  return repo_->CodesOf(tx, tenant_id, unit_ids);
}

std::vector<OwnedHome> InventoryService::OwnedHomes(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  return repo_->OwnedHomes(tx, tenant_id, project_id);
}

std::map<std::int64_t, std::string> InventoryService::DeliveredSince(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id,
                                                                    const std::string& since) {
  return repo_->DeliveredSince(tx, tenant_id, project_id, since);
}

std::vector<Unit> InventoryService::UnitsById(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& unit_ids) {
  return repo_->UnitsById(tx, tenant_id, unit_ids);
}

std::vector<Unit> InventoryService::UnitsOfProject(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  return repo_->UnitsOf(tx, tenant_id, project_id, std::nullopt);
}

std::vector<Home> InventoryService::Homes(db::Tx& tx, std::int64_t tenant_id) { return repo_->Homes(tx, tenant_id); }

std::vector<HomeFacts> InventoryService::HomeFactsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last) {
  return repo_->HomeFactsOf(tx, tenant_id, first, last);
}

std::int64_t InventoryService::HomesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id) {
  return repo_->HomesOf(tx, tenant_id, customer_id);
}

bool InventoryService::CoOwners(db::Tx& tx, std::int64_t tenant_id, std::int64_t a, std::int64_t b) {
  return repo_->CoOwners(tx, tenant_id, a, b);
}

std::map<std::int64_t, std::string> InventoryService::NamesOfProjects(db::Tx& tx, std::int64_t tenant_id) {
  return repo_->ProjectNames(tx, tenant_id);
}

Result<std::map<std::int64_t, std::string>> InventoryService::ProjectNames(db::Tx& tx, const Actor& actor) {
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return repo_->ProjectNames(tx, actor.tenant_id);
}

Result<Project> InventoryService::CreateProject(const RequestContext& ctx, const ProjectInput& input) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  if (input.completion_date && !ParseIsoDate(*input.completion_date)) return FailField("completion_date", "invalid_format");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Project> {
    auto unit = orgs_.FindInScope(tx, actor, input.org_unit_id.value_or(actor.org_unit_id));
    if (!unit) return FailField("org_unit_id", "not_found");
    Project p{0, actor.tenant_id, unit->id, input.name, input.city, input.address, input.completion_date, 1, now, now};
    p.id = repo_->InsertProject(tx, p);
    audit_.Record(tx, ctx, "project.created", "project", p.id, nullptr, ToJson(p));
    return p;
  });
}

Result<Project> InventoryService::UpdateProject(const RequestContext& ctx, std::int64_t id, const ProjectPatch& patch,
                                                std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  if (patch.completion_date && *patch.completion_date && !ParseIsoDate(**patch.completion_date)) {
    return FailField("completion_date", "invalid_format");
  }
  if (patch.name && patch.name->empty()) return FailField("name", "required");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Project> {
    HEARTH_ASSIGN(Project p, ProjectInScope(tx, actor, id));
    const auto before = ToJson(p);
    if (patch.name) p.name = *patch.name;
    if (patch.city) p.city = *patch.city;
    if (patch.address) p.address = *patch.address;
    if (patch.completion_date) p.completion_date = *patch.completion_date;
    if (patch.team_dissolved) p.team_dissolved = *patch.team_dissolved;
    p.updated_at = now;
    if (!repo_->UpdateProject(tx, p, expected_version)) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the project was changed by someone else; reload it");
    }
    ++p.version;
    audit_.Record(tx, ctx, "project.updated", "project", p.id, before, ToJson(p));
    return p;
  });
}

Result<Project> InventoryService::GetProject(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return ProjectInScope(tx, actor, id); });
}

Result<platform::Listing<Project>> InventoryService::ListProjects(const RequestContext& ctx, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Project>> {
    platform::Listing<Project> out;
    out.items = repo_->ListProjects(tx, actor.tenant_id, actor.IsAdmin() ? "/" : actor.org_path, page);
    out.next_cursor = TrimToPage(out.items, page, [](const Project& p) { return p.id; });
    return out;
  });
}

Result<Unit> InventoryService::CreateUnit(const RequestContext& ctx, const UnitInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  HEARTH_TRY(CheckUnitFields(in.building, in.entrance, in.room, in.floor, in.area_m2, in.list_price_cents));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Unit> {
    auto project = ProjectInScope(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    Unit u{0, actor.tenant_id, in.project_id, in.phase, in.building, in.entrance, in.room, in.floor,
           UnitCode(in.building, in.entrance, in.room), in.layout, in.area_m2, in.list_price_cents, in.decoration,
           UnitStatus::kAvailable, std::nullopt, 1, now, now};
    u.id = repo_->InsertUnit(tx, u);
    repo_->AddEvent(tx, actor.tenant_id, u.id, "created", "房源建立：" + u.code, actor.user_id, now);
    audit_.Record(tx, ctx, "unit.created", "unit", u.id, nullptr, ToJson(u));
    return u;
  });
}

Result<std::vector<Unit>> InventoryService::CreateUnits(const RequestContext& ctx, std::int64_t project_id,
                                                        const BulkUnitsInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  if (in.floor_to < in.floor_from) return FailField("floor_to", "before_floor_from");
  if (in.rooms.empty()) return FailField("rooms", "required");
  const long count = static_cast<long>(in.floor_to - in.floor_from + 1) * static_cast<long>(in.rooms.size());
  if (count > kMaxBulkUnits) return FailField("rooms", "too_many");
  for (std::size_t i = 0; i < in.rooms.size(); ++i) {
    const auto& r = in.rooms[i];
    HEARTH_TRY(CheckUnitFields(in.building, in.entrance, std::to_string(std::max(in.floor_to, 1)) + r.suffix, in.floor_from,
                               r.area_m2, r.list_price_cents, "rooms[" + std::to_string(i) + "]."));
  }
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<std::vector<Unit>> {
    auto project = ProjectInScope(tx, actor, project_id);
    if (!project) return NotFound("no such project");
    std::vector<Unit> created;
    created.reserve(static_cast<std::size_t>(count));
    for (int floor = in.floor_from; floor <= in.floor_to; ++floor) {
      if (floor == 0) continue;  // there is no floor 0
      for (const auto& r : in.rooms) {
        const std::string room = std::to_string(floor) + r.suffix;
        Unit u{0, actor.tenant_id, project_id, in.phase, in.building, in.entrance, room, floor,
               UnitCode(in.building, in.entrance, room), r.layout, r.area_m2, r.list_price_cents, in.decoration,
               UnitStatus::kAvailable, std::nullopt, 1, now, now};
        u.id = repo_->InsertUnit(tx, u);
        created.push_back(std::move(u));
      }
    }
    audit_.Record(tx, ctx, "unit.bulk_created", "project", project_id, nullptr,
                  boost::json::object{{"building", in.building}, {"entrance", in.entrance}, {"count", created.size()}});
    return created;
  });
}

Result<UnitView> InventoryService::GetUnit(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<UnitView> {
    HEARTH_ASSIGN(Unit unit, UnitInScope(tx, actor, id));
    return View(tx, unit);
  });
}

Result<UnitView> InventoryService::UpdateUnit(const RequestContext& ctx, std::int64_t id, const UnitPatch& patch,
                                              std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<UnitView> {
    HEARTH_ASSIGN(Unit before, UnitInScope(tx, actor, id));
    Unit u = before;
    if (patch.status && *patch.status != u.status) {
      // The sales pipeline moves with the deals (认筹, 认购, 签约 in the sales module, MoveStatus);
      // by hand, only an administrator's correction.
      if (!actor.IsAdmin()) {
        return Fail(ErrorCode::kConflict, "status_by_deals",
                    "a unit's status moves with its deals (pledge, subscription, contract); an administrator may correct it",
                    {{"status", "by_deals"}});
      }
      if (!StatusTransitionAllowed(u.status, *patch.status)) {
        return Fail(ErrorCode::kConflict, "invalid_transition",
                    fmt::format("a unit cannot go from {} to {}", WordOf(u.status), WordOf(*patch.status)));
      }
      u.status = *patch.status;
    }
    if (patch.layout) u.layout = *patch.layout;
    if (patch.area_m2) u.area_m2 = *patch.area_m2;
    if (patch.list_price_cents) u.list_price_cents = *patch.list_price_cents;
    if (patch.decoration) u.decoration = *patch.decoration;
    if (patch.phase) u.phase = *patch.phase;
    HEARTH_TRY(CheckUnitFields(u.building, u.entrance, u.room, u.floor, u.area_m2, u.list_price_cents));
    u.updated_at = now;
    if (!repo_->UpdateUnit(tx, u, expected_version)) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the unit was changed by someone else; reload it");
    }
    u.version = before.version + 1;
    if (u.status != before.status) {
      PublishMove(tx, u);
      repo_->AddEvent(tx, actor.tenant_id, id, "status",
                     fmt::format("{} → {}", kUnitStatusLabels.Name(before.status), kUnitStatusLabels.Name(u.status)), actor.user_id, now);
    } else {
      repo_->AddEvent(tx, actor.tenant_id, id, "changed", "房源信息修改", actor.user_id, now);
    }
    audit_.Record(tx, ctx, "unit.updated", "unit", id, ToJson(before), ToJson(u));
    return View(tx, u);
  });
}

Result<UnitView> InventoryService::SetOwner(const RequestContext& ctx, std::int64_t unit_id, std::int64_t customer_id,
                                            double share) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  if (!(share > 0 && share <= 1)) return FailField("share", "invalid_value");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<UnitView> {
    HEARTH_ASSIGN(Unit unit, UnitInScope(tx, actor, unit_id));
    auto customer = customers_.Get(ctx, customer_id);  // joins this transaction; checks the customer's scope
    if (!customer) return FailField("customer_id", "not_found");
    double others = 0;
    for (const auto& o : repo_->OwnersOf(tx, unit_id)) {
      if (o.customer_id != customer_id) others += o.share;
    }
    if (others + share > 1.0 + 1e-9) return FailField("share", "exceeds_total");
    repo_->UpsertOwner(tx, actor.tenant_id, unit_id, customer_id, share, now);
    // The owner is a customer of the project's company too (the sharing rule).
    HEARTH_ASSIGN(const Project project, ProjectInScope(tx, actor, unit.project_id));
    customers_.Share(tx, &ctx, actor.tenant_id, customer_id, project.org_unit_id, customers::ShareReason::kHome, unit_id);
    repo_->AddEvent(tx, actor.tenant_id, unit_id, "owner",
                   fmt::format("业主 {}（份额 {:.0f}%）", customer->name, share * 100), actor.user_id, now);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, customer_id, now, "purchase", "unit", unit_id, "成为 " + unit.code + " 业主"},
                              actor.user_id);
    audit_.Record(tx, ctx, "unit.owner_set", "unit", unit_id, nullptr,
                  boost::json::object{{"customer_id", customer_id}, {"share", share}});
    return View(tx, unit);
  });
}

Result<UnitView> InventoryService::RemoveOwner(const RequestContext& ctx, std::int64_t unit_id, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not change the inventory");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<UnitView> {
    HEARTH_ASSIGN(Unit unit, UnitInScope(tx, actor, unit_id));
    if (!repo_->RemoveOwner(tx, unit_id, customer_id)) return NotFound("this customer does not own the unit");
    const auto names = customers_.NamesOf(tx, actor.tenant_id, {customer_id});
    const std::string name = names.empty() ? std::string("（已删除的客户）") : names.begin()->second;
    repo_->AddEvent(tx, actor.tenant_id, unit_id, "owner", fmt::format("移除业主 {}", name), actor.user_id, now);
    customers_.Unshare(tx, ctx, customer_id, customers::ShareReason::kHome, unit_id);
    audit_.Record(tx, ctx, "unit.owner_removed", "unit", unit_id, boost::json::object{{"customer_id", customer_id}},
                  nullptr);
    return View(tx, unit);
  });
}

Result<std::vector<UnitEvent>> InventoryService::History(const RequestContext& ctx, std::int64_t unit_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<UnitEvent>> {
    HEARTH_TRY(UnitInScope(tx, actor, unit_id));
    auto events = repo_->EventsOf(tx, unit_id);
    platform::directory::NameActors(tx, actor.tenant_id, events);
    return events;
  });
}

Result<Board> InventoryService::GetBoard(const RequestContext& ctx, std::int64_t project_id,
                                         const std::optional<std::string>& building) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Board> {
    HEARTH_ASSIGN(Project project, ProjectInScope(tx, actor, project_id));
    Board board;
    board.project = project;
    board.buildings = repo_->BuildingsOf(tx, actor.tenant_id, project_id);
    if (board.buildings.empty()) return board;
    board.building = building.value_or(board.buildings.front());
    if (std::find(board.buildings.begin(), board.buildings.end(), board.building) == board.buildings.end()) {
      return FailField("building", "not_found");
    }
    std::map<int, std::vector<Unit>, std::greater<>> by_floor;
    for (auto& u : repo_->UnitsOf(tx, actor.tenant_id, project_id, board.building)) {
      board.revision = std::max(board.revision, u.updated_at.ms * 1000 + u.version % 1000);
      by_floor[u.floor].push_back(std::move(u));
    }
    for (auto& [floor, units] : by_floor) board.floors.emplace_back(floor, std::move(units));
    return board;
  });
}

Result<std::vector<Unit>> InventoryService::ListUnits(const RequestContext& ctx, std::int64_t project_id,
                                                      const std::optional<std::string>& building,
                                                      std::optional<UnitStatus> status) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Unit>> {
    HEARTH_TRY(ProjectInScope(tx, actor, project_id));
    auto units = repo_->UnitsOf(tx, actor.tenant_id, project_id, building);
    if (status) std::erase_if(units, [&](const Unit& u) { return u.status != *status; });
    return units;
  });
}

Result<std::vector<OwnedUnit>> InventoryService::UnitsOfCustomer(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<OwnedUnit>> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    return repo_->UnitsOwnedBy(tx, actor.tenant_id, customer_id, actor.IsAdmin() ? "/" : actor.org_path);
  });
}

Result<Unit> InventoryService::MoveStatus(db::Tx& tx, const RequestContext& ctx, std::int64_t unit_id,
                                         const std::vector<UnitStatus>& from, UnitStatus to, const std::string& why) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_ASSIGN(Unit before, UnitInScope(tx, actor, unit_id));
  const Timestamp now = clock_.Now();
  if (!repo_->MoveStatus(tx, actor.tenant_id, unit_id, from, to, now)) {
    // Read again: a concurrent deal may have moved it since it was read above.
    const auto current = repo_->FindUnit(tx, actor.tenant_id, unit_id);
    const UnitStatus status = current ? current->status : before.status;
    Error e{ErrorCode::kConflict, "unit_unavailable",
            fmt::format("unit {} is {} ({}): it cannot be {}", before.code, kUnitStatusLabels.Name(status), WordOf(status),
                        kUnitStatusLabels.Name(to)),
            {}, {}};
    e.extra.emplace_back("unit_status", fmt::format("\"{}\"", WordOf(status)));
    return tl::unexpected(std::move(e));
  }
  Unit u = before;
  u.status = to;
  u.version = before.version + 1;
  u.updated_at = now;
  repo_->AddEvent(tx, actor.tenant_id, unit_id, "status",
                  fmt::format("{} → {}：{}", kUnitStatusLabels.Name(before.status), kUnitStatusLabels.Name(to), why),
                  actor.user_id, now);
  PublishMove(tx, u);
  audit_.Record(tx, ctx, "unit.status_moved", "unit", unit_id, boost::json::object{{"status", WordOf(before.status)}},
                boost::json::object{{"status", WordOf(to)}, {"why", why}});
  return u;
}

Result<Unit> InventoryService::Deliver(db::Tx& tx, const RequestContext& ctx, std::int64_t unit_id, const std::string& on) {
  HEARTH_ASSIGN(Unit u, MoveStatus(tx, ctx, unit_id, {UnitStatus::kContracted}, UnitStatus::kDelivered, "交付 " + on));
  repo_->SetDelivered(tx, u.tenant_id, u.id, on, clock_.Now());
  u.delivered_on = on;
  ++u.version;
  return u;
}

bool InventoryService::Reprice(db::Tx& tx, const RequestContext& ctx, const Unit& unit, std::int64_t price,
                               const std::string& why) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  if (!repo_->Reprice(tx, actor.tenant_id, unit.id, unit.list_price_cents, price, now)) return false;
  repo_->AddEvent(tx, actor.tenant_id, unit.id, "price",
                  fmt::format("调价 ¥{:.0f} → ¥{:.0f}：{}", static_cast<double>(unit.list_price_cents) / 100.0,
                              static_cast<double>(price) / 100.0, why),
                  actor.user_id, now);
  Unit u = unit;
  u.list_price_cents = price;
  u.version = unit.version + 1;
  u.updated_at = now;
  PublishMove(tx, u);
  return true;
}

void InventoryService::NoteUnitEvent(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id, std::string_view kind,
                                     const std::string& summary, std::optional<std::int64_t> actor_id, Timestamp at) {
  repo_->AddEvent(tx, tenant_id, unit_id, kind, summary, actor_id, at);
}

}  // namespace hearth::inventory
