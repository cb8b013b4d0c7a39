#include <map>

#include <boost/json/array.hpp>

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

std::optional<double> Number(http::BodyReader& in, const boost::json::object& body, std::string_view key, bool required) {
  const auto* v = body.if_contains(key);
  if (!v || v->is_null()) {
    if (required) in.Invalid(std::string(key), "required");
    return std::nullopt;
  }
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  in.WrongTypeOf(std::string(key), "must_be_number");
  return std::nullopt;
}

Response PostProject(Request& req, InventoryService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  ProjectInput p;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  auto city = in.String("city", {.max_chars = 50});
  auto address = in.String("address", {.max_chars = 200});
  p.org_unit_id = in.Int("org_unit_id");
  p.completion_date = in.String("completion_date", {.max_chars = 10});
  if (auto done = in.Finish({"name", "city", "address", "org_unit_id", "completion_date"}); !done) {
    return http::ErrorResponse(done.error());
  }
  p.name = *name;
  p.city = city.value_or("");
  p.address = address.value_or("");
  return http::Render(s.CreateProject(req.context, p), http::kCreated, [](const Project& x) { return ToJson(x); });
}

Response PostUnit(Request& req, InventoryService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  UnitInput u;
  auto project_id = in.Int("project_id", true);
  auto phase = in.String("phase", {.max_chars = 20});
  auto building = in.String("building", {.required = true, .max_chars = 10});
  auto entrance = in.String("entrance", {.max_chars = 10});
  auto room = in.String("room", {.required = true, .max_chars = 10});
  auto floor = in.Int("floor", true);
  auto layout = in.String("layout", {.max_chars = 20});
  auto area = Number(in, *body, "area_m2", true);
  auto price = in.Int("list_price_cents");
  auto decoration = in.Enum("decoration", {"raw", "finished"});
  if (auto done = in.Finish({"project_id", "phase", "building", "entrance", "room", "floor", "layout", "area_m2",
                             "list_price_cents", "decoration"});
      !done) {
    return http::ErrorResponse(done.error());
  }
  u = UnitInput{*project_id, phase.value_or(""), *building, entrance.value_or("1"), *room, static_cast<int>(*floor),
                layout.value_or(""), *area, price.value_or(0), decoration.value_or("raw")};
  return http::Render(s.CreateUnit(req.context, u), http::kCreated, [](const Unit& x) { return ToJson(x); });
}

Response PostBulkUnits(Request& req, InventoryService& s) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  BulkUnitsInput b;
  auto phase = in.String("phase", {.max_chars = 20});
  auto building = in.String("building", {.required = true, .max_chars = 10});
  auto entrance = in.String("entrance", {.max_chars = 10});
  auto from = in.Int("floor_from", true);
  auto to = in.Int("floor_to", true);
  auto decoration = in.Enum("decoration", {"raw", "finished"});
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
      auto area = Number(rin, r.as_object(), "area_m2", true);
      auto price = rin.Int("list_price_cents");
      if (auto ok = rin.Finish({"suffix", "layout", "area_m2", "list_price_cents"}); !ok) {
        for (const auto& fe : ok.error().fields) in.Invalid(f + "." + fe.field, fe.reason);
        continue;
      }
      b.rooms.push_back({*suffix, layout.value_or(""), *area, price.value_or(0)});
    }
  } else {
    in.Invalid("rooms", "required");
  }
  if (auto done = in.Finish({"phase", "building", "entrance", "floor_from", "floor_to", "rooms", "decoration"}); !done) {
    return http::ErrorResponse(done.error());
  }
  b.phase = phase.value_or("");
  b.building = *building;
  b.entrance = entrance.value_or("1");
  b.floor_from = static_cast<int>(*from);
  b.floor_to = static_cast<int>(*to);
  b.decoration = decoration.value_or("raw");
  auto created = s.CreateUnits(req.context, *id, b);
  if (!created) return http::ErrorResponse(created.error());
  boost::json::array items;
  for (const auto& u : *created) items.push_back(ToJson(u));
  return http::Json(http::kCreated, boost::json::object{{"items", std::move(items)}, {"count", created->size()}});
}

Response PatchProject(Request& req, InventoryService& s) {
  auto patch = http::ReadPatch(req);
  if (!patch) return http::ErrorResponse(patch.error());
  http::BodyReader in(patch->body);
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
  if (auto done = in.Finish({"name", "city", "address", "completion_date", "team_dissolved"}); !done) {
    return http::ErrorResponse(done.error());
  }
  return http::Render(s.UpdateProject(req.context, patch->id, p, patch->version), http::kOk,
                      [](const Project& x) { return ToJson(x); });
}

Response PatchUnit(Request& req, InventoryService& s) {
  auto patch = http::ReadPatch(req);
  if (!patch) return http::ErrorResponse(patch.error());
  http::BodyReader in(patch->body);
  UnitPatch p;
  p.status = in.Enum("status", {"available", "pledged", "subscribed", "contracted", "delivered"});
  p.layout = in.String("layout", {.max_chars = 20});
  p.area_m2 = Number(in, patch->body, "area_m2", false);
  p.list_price_cents = in.Int("list_price_cents");
  p.decoration = in.Enum("decoration", {"raw", "finished"});
  p.phase = in.String("phase", {.max_chars = 20});
  if (auto done = in.Finish({"status", "layout", "area_m2", "list_price_cents", "decoration", "phase"}); !done) {
    return http::ErrorResponse(done.error());
  }
  return http::Render(s.UpdateUnit(req.context, patch->id, p, patch->version), http::kOk, ViewJson);
}

Response PostOwner(Request& req, InventoryService& s) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto customer_id = in.Int("customer_id", true);
  auto share = Number(in, *body, "share", false);
  if (auto done = in.Finish({"customer_id", "share"}); !done) return http::ErrorResponse(done.error());
  return http::Render(s.SetOwner(req.context, *id, *customer_id, share.value_or(1.0)), http::kCreated, ViewJson);
}

Response GetBoard(Request& req, InventoryService& s) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto building = req.Query("building");
  if (building && building->empty()) building.reset();
  auto board = s.GetBoard(req.context, *id, building);
  if (!board) return http::ErrorResponse(board.error());
  boost::json::array floors;
  std::map<std::string, int> counts;
  for (const auto& [floor, units] : board->floors) {
    boost::json::array cells;
    for (const auto& u : units) {
      ++counts[u.status];
      cells.push_back(boost::json::object{{"id", u.id}, {"code", u.code}, {"room", u.room}, {"entrance", u.entrance},
                                          {"status", u.status}, {"layout", u.layout}, {"area_m2", u.area_m2},
                                          {"list_price_cents", u.list_price_cents}, {"version", u.version}});
    }
    floors.push_back(boost::json::object{{"floor", floor}, {"units", std::move(cells)}});
  }
  boost::json::object count_json;
  for (const auto& [status, n] : counts) count_json[status] = n;
  boost::json::array buildings(board->buildings.begin(), board->buildings.end());
  return http::Json(http::kOk, boost::json::object{{"project", ToJson(board->project)},
                                                   {"buildings", std::move(buildings)},
                                                   {"building", board->building},
                                                   {"floors", std::move(floors)},
                                                   {"counts", std::move(count_json)},
                                                   {"revision", std::to_string(board->revision)}});
}

}  // namespace

void Register(http::Router& router, InventoryModule& module) {
  db::RegisterConstraint("uq_projects_name", {"name", "taken", ErrorCode::kConflict, "conflict"});
  db::RegisterConstraint("uq_units_project_code", {"code", "taken", ErrorCode::kConflict, "conflict"});
  db::RegisterConstraint("ck_units_area", {"area_m2", "invalid_value", ErrorCode::kInvalidArgument, "validation_failed"});
  InventoryService& s = module.service;
  router.Add({"GET", "/api/v1/projects"}, [&s](Request& r) {
    auto page = http::PageOf(r);
    if (!page) return http::ErrorResponse(page.error());
    auto list = s.ListProjects(r.context, *page);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(list->items, list->next_cursor, [](const Project& p) { return ToJson(p); });
  });
  router.Add({"POST", "/api/v1/projects"}, [&s](Request& r) { return PostProject(r, s); });
  router.Add({"GET", "/api/v1/projects/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::Render(s.GetProject(r.context, *id), http::kOk, [](const Project& p) { return ToJson(p); });
  });
  router.Add({"PATCH", "/api/v1/projects/{id}"}, [&s](Request& r) { return PatchProject(r, s); });
  router.Add({"POST", "/api/v1/projects/{id}/units/bulk"}, [&s](Request& r) { return PostBulkUnits(r, s); });
  router.Add({"GET", "/api/v1/projects/{id}/units"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto building = r.Query("building");
    auto status = r.Query("status");
    if (building && building->empty()) building.reset();
    if (status && status->empty()) status.reset();
    auto units = s.ListUnits(r.context, *id, building, status);
    if (!units) return http::ErrorResponse(units.error());
    return http::ListResponse(*units, std::nullopt, [](const Unit& u) { return ToJson(u); });
  });
  router.Add({"GET", "/api/v1/projects/{id}/board"}, [&s](Request& r) { return GetBoard(r, s); });
  router.Add({"POST", "/api/v1/units"}, [&s](Request& r) { return PostUnit(r, s); });
  router.Add({"GET", "/api/v1/units/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::Render(s.GetUnit(r.context, *id), http::kOk, ViewJson);
  });
  router.Add({"PATCH", "/api/v1/units/{id}"}, [&s](Request& r) { return PatchUnit(r, s); });
  router.Add({"POST", "/api/v1/units/{id}/owners"}, [&s](Request& r) { return PostOwner(r, s); });
  router.Add({"DELETE", "/api/v1/units/{id}/owners/{customer_id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto customer = r.PathId("customer_id");
    if (!customer) return http::ErrorResponse(customer.error());
    return http::Render(s.RemoveOwner(r.context, *id, *customer), http::kOk, ViewJson);
  });
  router.Add({"GET", "/api/v1/customers/{id}/units"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto units = s.UnitsOfCustomer(r.context, *id);
    if (!units) return http::ErrorResponse(units.error());
    return http::ListResponse(*units, std::nullopt, [](const OwnedUnit& o) {
      boost::json::object j = ToJson(o.unit);
      j["project_name"] = o.project_name;
      j["share"] = o.share;
      return j;
    });
  });
  router.Add({"GET", "/api/v1/units/{id}/history"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto events = s.History(r.context, *id);
    if (!events) return http::ErrorResponse(events.error());
    return http::ListResponse(*events, std::nullopt, [](const InventoryRepo::Event& e) {
      return boost::json::object{{"id", e.id}, {"at", FormatRfc3339(e.at)}, {"kind", e.kind}, {"summary", e.summary},
                                 {"actor_id", e.actor_id ? boost::json::value(*e.actor_id) : boost::json::value(nullptr)}};
    });
  });
  // Who may call what (checked before the handler; the services check again, with the org scope).
  const std::vector<http::AccessRule> access{
      {"GET", "/api/v1/projects", Permission::kRecordRead},
      {"POST", "/api/v1/projects", Permission::kRecordWrite},
      {"GET", "/api/v1/projects/{id}", Permission::kRecordRead},
      {"PATCH", "/api/v1/projects/{id}", Permission::kRecordWrite},
      {"POST", "/api/v1/projects/{id}/units/bulk", Permission::kRecordWrite},
      {"GET", "/api/v1/projects/{id}/units", Permission::kRecordRead},
      {"GET", "/api/v1/projects/{id}/board", Permission::kRecordRead},
      {"POST", "/api/v1/units", Permission::kRecordWrite},
      {"GET", "/api/v1/units/{id}", Permission::kRecordRead},
      {"PATCH", "/api/v1/units/{id}", Permission::kRecordWrite},
      {"POST", "/api/v1/units/{id}/owners", Permission::kRecordWrite},
      {"DELETE", "/api/v1/units/{id}/owners/{customer_id}", Permission::kRecordWrite},
      {"GET", "/api/v1/customers/{id}/units", Permission::kRecordRead},
      {"GET", "/api/v1/units/{id}/history", Permission::kRecordRead},
  };
  router.Declare(access);
}

}  // namespace hearth::inventory
