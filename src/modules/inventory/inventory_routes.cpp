#include <map>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "core/json_writer.hpp"

#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/inventory/inventory_module.hpp"

// HTTP of the property inventory: parse → service → JSON. No SQL, no rules.
namespace hearth::inventory {

namespace {

using http::Request;
using http::Response;

boost::json::object ViewJson(const UnitView& v) {
  boost::json::object o = ToJson(v.unit);
  boost::json::array owners;
  for (const auto& w : v.owners) {
    owners.push_back(boost::json::object{{"customer_id", w.customer_id}, {"name", w.name}, {"share", w.share}});
  }
  o["owners"] = std::move(owners);
  return o;
}

Result<Response> PostProject(Request& req, InventoryService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  ProjectInput p;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  auto city = in.String("city", {.max_chars = 50});
  auto address = in.String("address", {.max_chars = 200});
  p.org_unit_id = in.Int("org_unit_id");
  p.completion_date = in.String("completion_date", {.max_chars = 10});
  HEARTH_TRY(in.Finish());
  p.name = *name;
  p.city = city.value_or("");
  p.address = address.value_or("");
  return http::Render(s.CreateProject(req.context, p), http::kCreated, [](const Project& x) { return ToJson(x); });
}

Result<Response> PostUnit(Request& req, InventoryService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  UnitInput u;
  auto project_id = in.Int("project_id", true);
  auto phase = in.String("phase", {.max_chars = 20});
  auto building = in.String("building", {.required = true, .max_chars = 10});
  auto entrance = in.String("entrance", {.max_chars = 10});
  auto room = in.String("room", {.required = true, .max_chars = 10});
  auto floor = in.Int("floor", true);
  auto layout = in.String("layout", {.max_chars = 20});
  auto area = in.Number("area_m2", true);
  auto price = in.Int("list_price_cents");
  auto decoration = in.Enum("decoration", kDecorations);
  HEARTH_TRY(in.Finish());
  u = UnitInput{*project_id, phase.value_or(""), *building, entrance.value_or("1"), *room, static_cast<int>(*floor),
                layout.value_or(""), *area, price.value_or(0), decoration.value_or(Decoration::kRaw)};
  return http::Render(s.CreateUnit(req.context, u), http::kCreated, [](const Unit& x) { return ToJson(x); });
}

Result<Response> PostBulkUnits(Request& req, InventoryService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  BulkUnitsInput b;
  auto phase = in.String("phase", {.max_chars = 20});
  auto building = in.String("building", {.required = true, .max_chars = 10});
  auto entrance = in.String("entrance", {.max_chars = 10});
  auto from = in.Int("floor_from", true);
  auto to = in.Int("floor_to", true);
  auto decoration = in.Enum("decoration", kDecorations);
  if (const auto* rooms = in.Raw("rooms"); rooms && rooms->is_array() && rooms->as_array().size() <= 100) {
    for (std::size_t i = 0; i < rooms->as_array().size(); ++i) {
      const auto& r = rooms->as_array()[i];
      const std::string f = "rooms[" + std::to_string(i) + "]";
      if (!r.is_object()) {
        in.WrongTypeOf(f, "must_be_object");
        continue;
      }
      http::BodyReader rin(r.as_object());
      auto suffix = rin.String("suffix", {.required = true, .max_chars = 4});
      auto layout = rin.String("layout", {.max_chars = 20});
      auto area = rin.Number("area_m2", true);
      auto price = rin.Int("list_price_cents");
      if (auto ok = rin.Finish(); !ok) {
        for (const auto& fe : ok.error().fields) in.Invalid(f + "." + fe.field, fe.reason);
        continue;
      }
      b.rooms.push_back({*suffix, layout.value_or(""), *area, price.value_or(0)});
    }
  } else {
    in.Invalid("rooms", "required");
  }
  HEARTH_TRY(in.Finish());
  b.phase = phase.value_or("");
  b.building = *building;
  b.entrance = entrance.value_or("1");
  b.floor_from = static_cast<int>(*from);
  b.floor_to = static_cast<int>(*to);
  b.decoration = decoration.value_or(Decoration::kRaw);
  HEARTH_ASSIGN(auto created, s.CreateUnits(req.context, id, b));
  boost::json::array items;
  for (const auto& u : created) items.push_back(ToJson(u));
  return http::Json(http::kCreated, boost::json::object{{"items", std::move(items)}, {"count", created.size()}});
}

Result<Response> PatchProject(Request& req, InventoryService& s) {
  HEARTH_ASSIGN(auto patch, http::ReadPatch(req));
  http::BodyReader in(patch.body);
  ProjectPatch p;
  p.name = in.String("name", {.max_chars = 100});
  p.city = in.String("city", {.max_chars = 50});
  p.address = in.String("address", {.max_chars = 200});
  if (in.IsNull("completion_date")) {
    p.completion_date = std::optional<std::string>();
  } else if (auto date = in.String("completion_date", {.max_chars = 10})) {
    p.completion_date = date;
  }
  p.team_dissolved = in.Bool("team_dissolved");
  HEARTH_TRY(in.Finish());
  return http::Render(s.UpdateProject(req.context, patch.id, p, patch.version), http::kOk,
                      [](const Project& x) { return ToJson(x); });
}

Result<Response> PatchUnit(Request& req, InventoryService& s) {
  HEARTH_ASSIGN(auto patch, http::ReadPatch(req));
  http::BodyReader in(patch.body);
  UnitPatch p;
  p.status = in.Enum("status", kUnitStatuses);
  p.layout = in.String("layout", {.max_chars = 20});
  p.area_m2 = in.Number("area_m2", false);
  p.list_price_cents = in.Int("list_price_cents");
  p.decoration = in.Enum("decoration", kDecorations);
  p.phase = in.String("phase", {.max_chars = 20});
  HEARTH_TRY(in.Finish());
  return http::Render(s.UpdateUnit(req.context, patch.id, p, patch.version), http::kOk, ViewJson);
}

Result<Response> PostOwner(Request& req, InventoryService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto customer_id = in.Int("customer_id", true);
  auto share = in.Number("share", false);
  HEARTH_TRY(in.Finish());
  return http::Render(s.SetOwner(req.context, id, *customer_id, share.value_or(1.0)), http::kCreated, ViewJson);
}

Result<Response> GetBoard(Request& req, InventoryService& s) {
  auto id = req.PathId("id");
  HEARTH_TRY(id);
  auto building = req.Query("building");
  if (building && building->empty()) building.reset();
  HEARTH_ASSIGN(auto board, s.GetBoard(req.context, *id, building));
  // Written directly (a 1,000-unit building is 150 KB): a JSON object per cell would cost more
  // than reading the rows.
  std::map<std::string_view, int> counts;
  JsonWriter w;
  w.BeginObject();
  w.Key("project");
  w.Raw(boost::json::serialize(ToJson(board.project)));
  w.Key("buildings");
  w.BeginArray();
  for (const auto& b : board.buildings) w.String(b);
  w.EndArray();
  w.Key("building");
  w.String(board.building);
  w.Key("floors");
  w.BeginArray();
  for (const auto& [floor, units] : board.floors) {
    w.BeginObject();
    w.Key("floor");
    w.Int(floor);
    w.Key("units");
    w.BeginArray();
    for (const auto& u : units) {
      ++counts[kUnitStatuses.Name(u.status)];
      w.BeginObject();
      w.Key("id"); w.Int(u.id);
      w.Key("code"); w.String(u.code);
      w.Key("room"); w.String(u.room);
      w.Key("entrance"); w.String(u.entrance);
      w.Key("status"); w.String(kUnitStatuses.Name(u.status));
      w.Key("layout"); w.String(u.layout);
      w.Key("area_m2"); w.Raw(boost::json::serialize(boost::json::value(u.area_m2)));
      w.Key("list_price_cents"); w.Int(u.list_price_cents);
      w.Key("version"); w.Int(u.version);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("counts");
  w.BeginObject();
  for (const auto& [status, n] : counts) {
    w.Key(status);
    w.Int(n);
  }
  w.EndObject();
  w.Key("revision");
  w.String(std::to_string(board.revision));
  w.EndObject();
  return http::JsonText(http::kOk, std::move(w).Take());
}

}  // namespace

platform::Manifest BuildManifest(InventoryModule& module) {
  platform::Manifest m{.name = "inventory", .folder = "modules/inventory", .tables = {{"projects"}, {"units"}, {"unit_owners"}, {"unit_events"}}};
  m.constraints.push_back({"uq_projects_name", {"name", "taken", ErrorCode::kConflict, "conflict"}});
  m.constraints.push_back({"uq_units_project_code", {"code", "taken", ErrorCode::kConflict, "conflict"}});
  m.constraints.push_back({"ck_units_area", {"area_m2", "invalid_value", ErrorCode::kInvalidArgument, "validation_failed"}});
  InventoryService& s = module.service;
  m.Route({"GET", "/api/v1/projects", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.ListProjects(r.context, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Project& p) { return ToJson(p); });
  });
  m.Route({"POST", "/api/v1/projects", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostProject(r, s); });
  m.Route({"GET", "/api/v1/projects/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetProject(r.context, id), http::kOk, [](const Project& p) { return ToJson(p); });
  });
  m.Route({"PATCH", "/api/v1/projects/{id}", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PatchProject(r, s); });
  m.Route({"POST", "/api/v1/projects/{id}/units/bulk", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostBulkUnits(r, s); });
  m.Route({"GET", "/api/v1/projects/{id}/units", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    auto building = r.Query("building");
    HEARTH_ASSIGN(auto status, http::QueryEnum(r, "status", kUnitStatuses));
    if (building && building->empty()) building.reset();
    HEARTH_ASSIGN(auto units, s.ListUnits(r.context, id, building, status));
    return http::ListResponse(units, std::nullopt, [](const Unit& u) { return ToJson(u); });
  });
  m.Route({"GET", "/api/v1/projects/{id}/board", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return GetBoard(r, s); });
  m.Route({"POST", "/api/v1/units", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostUnit(r, s); });
  m.Route({"GET", "/api/v1/units/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetUnit(r.context, id), http::kOk, ViewJson);
  });
  m.Route({"PATCH", "/api/v1/units/{id}", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PatchUnit(r, s); });
  m.Route({"POST", "/api/v1/units/{id}/owners", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostOwner(r, s); });
  m.Route({"DELETE", "/api/v1/units/{id}/owners/{customer_id}", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto customer, r.PathId("customer_id"));
    return http::Render(s.RemoveOwner(r.context, id, customer), http::kOk, ViewJson);
  });
  m.Route({"GET", "/api/v1/customers/{id}/units", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto units, s.UnitsOfCustomer(r.context, id));
    return http::ListResponse(units, std::nullopt, [](const OwnedUnit& o) {
      boost::json::object j = ToJson(o.unit);
      j["project_name"] = o.project_name;
      j["share"] = o.share;
      return j;
    });
  });
  m.Route({"GET", "/api/v1/units/{id}/history", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    auto id = r.PathId("id");
    HEARTH_TRY(id);
    HEARTH_ASSIGN(auto events, s.History(r.context, *id));
    return http::ListResponse(events, std::nullopt, [](const UnitEvent& e) {
      return boost::json::object{{"id", e.id}, {"at", FormatRfc3339(e.at)}, {"kind", e.kind}, {"summary", e.summary},
                                 {"actor_id", e.actor_id ? boost::json::value(*e.actor_id) : boost::json::value(nullptr)},
                                 {"actor_name", e.actor_name ? boost::json::value(*e.actor_name) : boost::json::value(nullptr)}};
    });
  });
  m.demo = [&module](platform::Demo& demo) { return AddDemoHomes(module, demo); };
  return m;
}

}  // namespace hearth::inventory
