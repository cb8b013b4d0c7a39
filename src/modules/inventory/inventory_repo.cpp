#include "modules/inventory/inventory_repo.hpp"

#include <algorithm>

#include "core/hidden_impl.hpp"
#include "db/columns.hpp"
#include "platform/org_scope.hpp"

namespace hearth::inventory {

namespace {

constexpr std::string_view kInsertProject = R"sql(
INSERT INTO projects (tenant_id, org_unit_id, name, city, address, completion_date, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kFindProject = R"sql(
SELECT p.id, p.tenant_id, p.org_unit_id, p.name, p.city, p.address, p.completion_date, p.version, p.created_at,
       p.updated_at, o.path, p.team_dissolved
  FROM projects p)sql" HEARTH_JOIN_ORG_UNIT("p") R"sql(
 WHERE p.id = $1 AND p.tenant_id = $2)sql";
constexpr std::string_view kListProjects = R"sql(
SELECT p.id, p.tenant_id, p.org_unit_id, p.name, p.city, p.address, p.completion_date, p.version, p.created_at,
       p.updated_at, o.path, p.team_dissolved
  FROM projects p)sql" HEARTH_JOIN_ORG_UNIT("p") R"sql(
 WHERE p.tenant_id = $1 AND o.path LIKE $2 AND p.id > $3 ORDER BY p.id LIMIT $4)sql";
constexpr std::string_view kUpdateProject = R"sql(
UPDATE projects SET name = $3, city = $4, address = $5, completion_date = $6, team_dissolved = $7,
       version = version + 1, updated_at = $8
 WHERE id = $1 AND tenant_id = $2 AND (CAST($9 AS BIGINT) IS NULL OR version = $9))sql";
constexpr std::string_view kInsertUnit = R"sql(
INSERT INTO units (tenant_id, project_id, phase, building, entrance, room, floor, code, layout, area_m2,
                   list_price_cents, decoration, status, delivered_on, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $15, $14, $14) RETURNING id)sql";
const db::Columns<Unit> kUnitColumns{
    {"id", &Unit::id},
    {"tenant_id", &Unit::tenant_id},
    {"project_id", &Unit::project_id},
    {"phase", &Unit::phase},
    {"building", &Unit::building},
    {"entrance", &Unit::entrance},
    {"room", &Unit::room},
    {"floor", &Unit::floor},
    {"code", &Unit::code},
    {"layout", &Unit::layout},
    {"area_m2", &Unit::area_m2},
    {"list_price_cents", &Unit::list_price_cents},
    {"decoration", &Unit::decoration, kDecorations},
    {"status", &Unit::status, kUnitStatuses},
    {"delivered_on", &Unit::delivered_on},
    {"version", &Unit::version},
    {"created_at", &Unit::created_at},
    {"updated_at", &Unit::updated_at},
};
const std::string kFindUnit = "SELECT " + kUnitColumns.List() + " FROM units WHERE id = $1 AND tenant_id = $2";
// A building's units are one range of ix_units_board, in its order (an "OR building IS NULL" would
// read the whole project: 28 ms for a building of a 21,000-unit project instead of 1).
const std::string kUnitsOf = "SELECT " + kUnitColumns.List() + R"sql( FROM units
 WHERE project_id = $1 AND tenant_id = $2 ORDER BY building, entrance, floor DESC, room)sql";
const std::string kUnitsOfBuilding = "SELECT " + kUnitColumns.List() + R"sql( FROM units
 WHERE project_id = $1 AND tenant_id = $2 AND building = $3 ORDER BY entrance, floor DESC, room)sql";
constexpr std::string_view kUpdateUnit = R"sql(
UPDATE units SET layout = $3, area_m2 = $4, list_price_cents = $5, decoration = $6, status = $7, phase = $8,
       version = version + 1, updated_at = $9
 WHERE id = $1 AND tenant_id = $2 AND (CAST($10 AS BIGINT) IS NULL OR version = $10))sql";
constexpr std::string_view kMoveStatus = R"sql(
UPDATE units SET status = $3, version = version + 1, updated_at = $4
 WHERE id = $1 AND tenant_id = $2 AND status IN ($5, $6, $7))sql";
constexpr std::string_view kSetDelivered = R"sql(
UPDATE units SET delivered_on = $3, version = version + 1, updated_at = $4 WHERE id = $1 AND tenant_id = $2)sql";
constexpr std::string_view kBuildings = R"sql(
SELECT DISTINCT building FROM units WHERE project_id = $1 AND tenant_id = $2 ORDER BY building)sql";
constexpr std::string_view kOwners = R"sql(
SELECT w.customer_id, w.share FROM unit_owners w WHERE w.unit_id = $1 ORDER BY w.share DESC, w.id)sql";
const std::string kOwnedBy = "SELECT " + kUnitColumns.List("u") + R"sql(, p.name, w.share
  FROM unit_owners w JOIN units u ON u.id = w.unit_id JOIN projects p ON p.id = u.project_id)sql" HEARTH_JOIN_ORG_UNIT("p") R"sql(
 WHERE w.customer_id = $1 AND w.tenant_id = $2 AND o.path LIKE $3 ORDER BY p.name, u.code LIMIT 500)sql";
constexpr std::string_view kUpsertOwner = R"sql(
INSERT INTO unit_owners (tenant_id, unit_id, customer_id, share, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
ON CONFLICT (unit_id, customer_id) DO UPDATE SET share = excluded.share, version = unit_owners.version + 1,
  updated_at = excluded.updated_at)sql";
constexpr std::string_view kRemoveOwner = "DELETE FROM unit_owners WHERE unit_id = $1 AND customer_id = $2";
constexpr std::string_view kSharedUnits = R"sql(
SELECT a.unit_id, a.share FROM unit_owners a JOIN unit_owners b ON b.unit_id = a.unit_id
 WHERE a.customer_id = $1 AND b.customer_id = $2 AND a.tenant_id = $3)sql";
constexpr std::string_view kAddShare = R"sql(
UPDATE unit_owners SET share = MIN(1.0, share + $3), version = version + 1, updated_at = $4
 WHERE unit_id = $1 AND customer_id = $2)sql";
constexpr std::string_view kAddSharePg = R"sql(
UPDATE unit_owners SET share = LEAST(1.0, share + $3), version = version + 1, updated_at = $4
 WHERE unit_id = $1 AND customer_id = $2)sql";
constexpr std::string_view kMoveOwners = R"sql(
UPDATE unit_owners SET customer_id = $3, version = version + 1, updated_at = $4 WHERE customer_id = $2 AND tenant_id = $1)sql";
constexpr std::string_view kOwnersByCode = R"sql(
SELECT w.customer_id FROM units u JOIN unit_owners w ON w.unit_id = u.id
 WHERE u.tenant_id = $1 AND u.code = $2 ORDER BY w.share DESC, w.id LIMIT 50)sql";
constexpr std::string_view kAddEvent = R"sql(
INSERT INTO unit_events (tenant_id, unit_id, at, kind, summary, actor_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $3, $3))sql";
constexpr std::string_view kEvents = R"sql(
SELECT id, at, kind, summary, actor_id FROM unit_events WHERE unit_id = $1 ORDER BY id)sql";

Project ProjectFrom(const db::Row& r) {
  Project p{r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.OptText(6), r.Int(7), r.Time(8), r.Time(9)};
  p.team_dissolved = r.Bool(11);
  return p;
}

Unit UnitFrom(const db::Row& r) { return kUnitColumns.Read(r); }

}  // namespace

std::int64_t InventoryRepo::InsertProject(db::Tx& tx, const Project& p) {
  return tx.Execute(kInsertProject, p.tenant_id, p.org_unit_id, p.name, p.city, p.address, p.completion_date,
                    p.created_at)
      .front()
      .Int(0);
}

bool InventoryRepo::UpdateProject(db::Tx& tx, const Project& p, std::optional<std::int64_t> expected_version) {
  return tx.Execute(kUpdateProject, p.id, p.tenant_id, p.name, p.city, p.address, p.completion_date, p.team_dissolved,
                    p.updated_at, expected_version)
             .affected == 1;
}

std::optional<std::pair<Project, std::string>> InventoryRepo::FindProject(db::Tx& tx, std::int64_t tenant_id,
                                                                          std::int64_t id) {
  auto rows = tx.Execute(kFindProject, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return std::make_pair(ProjectFrom(rows.front()), rows.front().Text(10));
}

std::vector<Project> InventoryRepo::ListProjects(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                 const Page& page) {
  auto rows = tx.Execute(kListProjects, tenant_id, path_prefix + "%", page.after_id.value_or(0), page.limit + 1);
  std::vector<Project> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(ProjectFrom(rows[i]));
  return out;
}

std::int64_t InventoryRepo::InsertUnit(db::Tx& tx, const Unit& u) {
  return tx.Execute(kInsertUnit, u.tenant_id, u.project_id, u.phase, u.building, u.entrance, u.room, u.floor, u.code,
                    u.layout, u.area_m2, u.list_price_cents, u.decoration, u.status, u.created_at, u.delivered_on)
      .front()
      .Int(0);
}

std::optional<Unit> InventoryRepo::FindUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindUnit, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return UnitFrom(rows.front());
}

bool InventoryRepo::UpdateUnit(db::Tx& tx, const Unit& u, std::optional<std::int64_t> expected_version) {
  return tx.Execute(kUpdateUnit, u.id, u.tenant_id, u.layout, u.area_m2, u.list_price_cents, u.decoration, u.status,
                    u.phase, u.updated_at, expected_version)
             .affected == 1;
}

bool InventoryRepo::MoveStatus(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::vector<UnitStatus>& from,
                               UnitStatus to, Timestamp now) {
  if (from.empty() || from.size() > 3) return false;
  auto at = [&](std::size_t i) { return from[std::min(i, from.size() - 1)]; };
  return tx.Execute(kMoveStatus, id, tenant_id, to, now, at(0), at(1), at(2)).affected == 1;
}

void InventoryRepo::SetDelivered(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::string& on, Timestamp now) {
  tx.Execute(kSetDelivered, id, tenant_id, on, now);
}

bool InventoryRepo::Reprice(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, std::int64_t expected,
                            std::int64_t price, Timestamp now) {
  return tx.Execute(R"sql(
UPDATE units SET list_price_cents = $4, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND list_price_cents = $3 AND status IN ('available', 'pledged'))sql",
                    id, tenant_id, expected, price, now)
             .affected == 1;
}

std::vector<Unit> InventoryRepo::UnitsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id,
                                         const std::optional<std::string>& building) {
  auto rows = building ? tx.Execute(kUnitsOfBuilding, project_id, tenant_id, *building) : tx.Execute(kUnitsOf, project_id, tenant_id);
  std::vector<Unit> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(UnitFrom(rows[i]));
  return out;
}

std::vector<std::string> InventoryRepo::BuildingsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  auto rows = tx.Execute(kBuildings, project_id, tenant_id);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Text(0));
  return out;
}

std::vector<Owner> InventoryRepo::OwnersOf(db::Tx& tx, std::int64_t unit_id) {
  auto rows = tx.Execute(kOwners, unit_id);
  std::vector<Owner> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({rows[i].Int(0), "", rows[i].Real(1)});
  return out;
}

std::vector<Home> InventoryRepo::Homes(db::Tx& tx, std::int64_t tenant_id) {
  const auto rows = tx.Execute(R"sql(
SELECT w.customer_id, w.unit_id, u.project_id, p.org_unit_id FROM unit_owners w
  JOIN units u ON u.id = w.unit_id JOIN projects p ON p.id = u.project_id
 WHERE w.tenant_id = $1 ORDER BY w.id)sql", tenant_id);
  std::vector<Home> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({rows[i].Int(0), rows[i].Int(1), rows[i].Int(2), rows[i].Int(3)});
  return out;
}

std::vector<HomeFacts> InventoryRepo::HomeFactsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last) {
  const auto rows = tx.Execute(R"sql(
SELECT w.customer_id, u.project_id, u.area_m2, u.list_price_cents, u.delivered_on FROM unit_owners w
  JOIN units u ON u.id = w.unit_id
 WHERE w.customer_id BETWEEN $2 AND $3 AND w.tenant_id = $1 ORDER BY w.customer_id)sql", tenant_id, first, last);
  std::vector<HomeFacts> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.push_back({rows[i].Int(0), rows[i].Int(1), rows[i].Real(2), rows[i].Int(3), rows[i].OptText(4)});
  }
  return out;
}

std::int64_t InventoryRepo::HomesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id) {
  return tx.Execute("SELECT count(*) FROM unit_owners WHERE customer_id = $1 AND tenant_id = $2", customer_id, tenant_id)
      .front()
      .Int(0);
}

bool InventoryRepo::CoOwners(db::Tx& tx, std::int64_t tenant_id, std::int64_t a, std::int64_t b) {
  return !tx.Execute(R"sql(
SELECT 1 FROM unit_owners x JOIN unit_owners y ON y.unit_id = x.unit_id
 WHERE x.customer_id = $1 AND y.customer_id = $2 AND x.tenant_id = $3 LIMIT 1)sql", a, b, tenant_id)
              .empty();
}

std::map<std::int64_t, std::string> InventoryRepo::ProjectNames(db::Tx& tx, std::int64_t tenant_id) {
  const auto rows = tx.Execute("SELECT id, name FROM projects WHERE tenant_id = $1", tenant_id);
  std::map<std::int64_t, std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].Int(0)] = rows[i].Text(1);
  return out;
}

std::map<std::int64_t, std::string> InventoryRepo::BuildingsOf(db::Tx& tx, std::int64_t tenant_id,
                                                              const std::vector<std::int64_t>& unit_ids) {
  std::map<std::int64_t, std::string> out;
  db::SelectIn(tx, "SELECT id, building FROM units WHERE id IN ({}) AND tenant_id + 0 = $1", {tenant_id}, unit_ids,
               [&](const db::Row& r) { out[r.Int(0)] = r.Text(1); });
  return out;
}

std::map<std::int64_t, std::string> InventoryRepo::CodesOf(db::Tx& tx, std::int64_t tenant_id,
                                                          const std::vector<std::int64_t>& unit_ids) {
  std::map<std::int64_t, std::string> out;
  db::SelectIn(tx, "SELECT id, code FROM units WHERE id IN ({}) AND tenant_id + 0 = $1", {tenant_id}, unit_ids,
               [&](const db::Row& r) { out[r.Int(0)] = r.Text(1); });
  return out;
}

std::vector<OwnedHome> InventoryRepo::OwnedHomes(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  std::vector<OwnedHome> out;
  for (const auto& r : tx.Execute(R"sql(
SELECT u.id, o.customer_id, u.status, u.delivered_on FROM units u JOIN unit_owners o ON o.unit_id = u.id
 WHERE u.project_id = $1 AND u.tenant_id + 0 = $2 ORDER BY u.id, o.share DESC, o.id)sql", project_id, tenant_id)) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.OptText(3)});
  }
  return out;
}

std::map<std::int64_t, std::string> InventoryRepo::DeliveredSince(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id,
                                                                  const std::string& since) {
  std::map<std::int64_t, std::string> out;
  for (const auto& r : tx.Execute("SELECT id, delivered_on FROM units WHERE project_id = $1 AND tenant_id + 0 = $2 AND delivered_on >= $3",
                                  project_id, tenant_id, since)) {
    out.emplace(r.Int(0), r.Text(1));
  }
  return out;
}

std::vector<Unit> InventoryRepo::UnitsById(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& unit_ids) {
  static const std::string kUnitsById = "SELECT " + kUnitColumns.List() + " FROM units WHERE id IN ({}) AND tenant_id + 0 = $1";
  std::vector<Unit> out;
  out.reserve(unit_ids.size());
  db::SelectIn(tx, kUnitsById, {tenant_id}, unit_ids, [&](const db::Row& r) { out.push_back(UnitFrom(r)); });
  return out;
}

std::map<std::int64_t, std::optional<std::string>> InventoryRepo::DeliveredOn(db::Tx& tx, std::int64_t tenant_id,
                                                                             const std::vector<std::int64_t>& unit_ids) {
  std::map<std::int64_t, std::optional<std::string>> out;
  db::SelectIn(tx, "SELECT id, delivered_on FROM units WHERE id IN ({}) AND tenant_id + 0 = $1", {tenant_id}, unit_ids,
               [&](const db::Row& r) { out[r.Int(0)] = r.OptText(1); });
  return out;
}

std::vector<OwnedUnit> InventoryRepo::UnitsOwnedBy(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id,
                                                   const std::string& path_prefix) {
  auto rows = tx.Execute(kOwnedBy, customer_id, tenant_id, path_prefix + "%");
  std::vector<OwnedUnit> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({UnitFrom(rows[i]), rows[i].Text(kUnitColumns.size()), rows[i].Real(kUnitColumns.size() + 1)});
  return out;
}

void InventoryRepo::UpsertOwner(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id, std::int64_t customer_id,
                                double share, Timestamp now) {
  tx.Execute(kUpsertOwner, tenant_id, unit_id, customer_id, share, now);
}

bool InventoryRepo::RemoveOwner(db::Tx& tx, std::int64_t unit_id, std::int64_t customer_id) {
  return tx.Execute(kRemoveOwner, unit_id, customer_id).affected == 1;
}

void InventoryRepo::MoveOwners(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into, Timestamp now) {
  // Where both own the same unit, the survivor takes the duplicate's share and that row goes.
  auto shared = tx.Execute(kSharedUnits, from, into, tenant_id);
  for (std::size_t i = 0; i < shared.size(); ++i) {
    tx.Execute(tx.backend() == db::Backend::kSqlite ? kAddShare : kAddSharePg, shared[i].Int(0), into,
               shared[i].Real(1), now);
    tx.Execute(kRemoveOwner, shared[i].Int(0), from);
  }
  tx.Execute(kMoveOwners, tenant_id, from, into, now);
}

std::vector<std::int64_t> InventoryRepo::OwnersByCode(db::Tx& tx, std::int64_t tenant_id, const std::string& code) {
  auto rows = tx.Execute(kOwnersByCode, tenant_id, code);
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Int(0));
  return out;
}

void InventoryRepo::AddEvent(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id, std::string_view kind,
                             const std::string& summary, std::optional<std::int64_t> actor_id, Timestamp at) {
  tx.Execute(kAddEvent, tenant_id, unit_id, at, kind, summary, actor_id);
}

std::vector<InventoryRepo::Event> InventoryRepo::EventsOf(db::Tx& tx, std::int64_t unit_id) {
  auto rows = tx.Execute(kEvents, unit_id);
  std::vector<Event> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.push_back({rows[i].Int(0), rows[i].Time(1), rows[i].Text(2), rows[i].Text(3), rows[i].OptInt(4)});
  }
  return out;
}

}  // namespace hearth::inventory

template class hearth::Hidden<hearth::inventory::InventoryRepo>;  // owned by the module's services (core/hidden.hpp)
